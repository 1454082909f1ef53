import { request as httpRequest, type Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

/** Status codes seen, by code; a request that got no answer counts under `errors`. */
export class StatusTally {
  sent = 0;
  readonly byStatus: Record<string, number> = {};
  fiveXx = 0;
  errors = 0;
  readonly errorCodes: Record<string, number> = {};

  constructor(private readonly parent?: StatusTally) {}

  /** Records an answer's status and returns it. */
  status(code: number): number {
    this.sent++;
    this.byStatus[String(code)] = (this.byStatus[String(code)] ?? 0) + 1;
    if (code >= 500) this.fiveXx++;
    this.parent?.status(code);
    return code;
  }

  /** Records a request that got no answer (connection refused, reset, timed out). */
  error(error: unknown): void {
    this.sent++;
    this.errors++;
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'other';
    this.errorCodes[code] = (this.errorCodes[code] ?? 0) + 1;
    this.parent?.error(error);
  }

  /** Records whatever `answer` resolves to (its `status`), or its failure; rethrows the failure. */
  async track<T extends { readonly status: number }>(answer: Promise<T>): Promise<T> {
    try {
      const result = await answer;
      this.status(result.status);
      return result;
    } catch (error) {
      this.error(error);
      throw error;
    }
  }

  summary(): { sent: number; byStatus: Record<string, number>; fiveXx: number; errors: number } & {
    errorCodes?: Record<string, number>;
  } {
    return {
      sent: this.sent,
      byStatus: this.byStatus,
      fiveXx: this.fiveXx,
      errors: this.errors,
      ...(this.errors > 0 ? { errorCodes: this.errorCodes } : {}),
    };
  }
}

export interface LoopbackAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface LoopbackRequest {
  readonly port: number;
  readonly method: string;
  readonly path: string;
  /** Source address, one of 127.0.0.0/8: what GWS counts failed logins against. */
  readonly localAddress: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: string | Buffer;
  readonly timeoutMs?: number;
  /** A keep-alive agent to reuse connections; default: a connection of its own. */
  readonly agent?: Agent;
}

/** One HTTP/1.1 exchange with 127.0.0.1 from a chosen loopback source address; the whole answer read. */
export function loopbackRequest(spec: LoopbackRequest): Promise<LoopbackAnswer> {
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: spec.port,
        localAddress: spec.localAddress,
        method: spec.method,
        path: spec.path,
        agent: spec.agent ?? false,
        headers: { ...spec.headers, ...(body === undefined ? {} : { 'Content-Length': body.length }) },
        timeout: spec.timeoutMs ?? 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end(body);
  });
}

/** `Authorization: Basic` for `user:password`. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** A JSON answer's body, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs `task(i)` for i = 0 .. count - 1 with at most `concurrency` at once, stopping early once `until()` holds. */
export async function pool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  until: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !until()) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return next;
}
