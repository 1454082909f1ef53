import { request as httpRequest } from 'node:http';
import { SESSION_COOKIE } from '../../apps/gws/src/sessions/session-cookie';

/** One Bayeux exchange as a misbehaving client makes it: whatever body, with its own cookies. */
export interface RawBayeuxAnswer {
  readonly status: number;
  /** The parsed body when it is JSON, else undefined. */
  readonly messages: Record<string, unknown>[] | undefined;
  /** Bytes of the answer's body. */
  readonly bytes: number;
  readonly setCookie: string[];
}

export interface RawBayeuxOptions {
  /** `name=value` pairs sent as the Cookie header. */
  readonly cookies?: Record<string, string>;
  readonly path?: string;
  readonly timeoutMs?: number;
}

/**
 * POSTs `body` (a value sent as JSON, or a string sent as it is) to a Bayeux endpoint on 127.0.0.1 and reads the
 * whole answer. For tests and the soak script that play a client breaking the rules.
 */
export function rawBayeux(port: number, body: unknown, options: RawBayeuxOptions = {}): Promise<RawBayeuxAnswer> {
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const cookie = Object.entries(options.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: options.path ?? '/api/v2/notifications',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': payload.length,
          ...(cookie === '' ? {} : { Cookie: cookie }),
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let messages: Record<string, unknown>[] | undefined;
          try {
            const parsed = JSON.parse(text) as unknown;
            messages = Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : undefined;
          } catch {
            messages = undefined;
          }
          resolve({
            status: response.statusCode ?? 0,
            messages,
            bytes: Buffer.byteLength(text),
            setCookie: response.headers['set-cookie'] ?? [],
          });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('raw Bayeux request timed out')));
    request.on('error', reject);
    request.end(payload);
  });
}

/** The `name=value` cookies of Set-Cookie headers. */
export function cookiesOf(setCookie: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    setCookie.map((line) => line.split(';', 1)[0]!.split('=', 2) as [string, string]).filter(([name]) => name !== ''),
  );
}

/** A hand-written handshake's answer, with the client id GWS gave (none when refused) and the cookies to poll with. */
export interface RawHandshake extends RawBayeuxAnswer {
  readonly clientId: string | undefined;
  /** The session cookie sent and the ones the server set (BAYEUX_BROWSER). */
  readonly cookies: Record<string, string>;
}

/** A `/meta/handshake` (long-polling, with `ext` as given) in the HTTP session `sessionId` (its JSESSIONID). */
export async function rawHandshake(
  port: number,
  sessionId: string,
  ext: Record<string, unknown> = {},
): Promise<RawHandshake> {
  const sent = { [SESSION_COOKIE]: sessionId };
  const handshake = { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], ext };
  const answer = await rawBayeux(port, [handshake], { cookies: sent });
  const clientId = answer.messages?.[0]?.['clientId'];
  return {
    ...answer,
    clientId: typeof clientId === 'string' ? clientId : undefined,
    cookies: { ...sent, ...cookiesOf(answer.setCookie) },
  };
}
