import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/** Readiness signals: a daemon serves when its own protocol answers, not when its process exists. */

export { tcpAccepts } from '../tcp-accepts';

/** rtpengine's ng protocol: `<cookie> d7:command4:pinge` answered with `<cookie> d6:result4:ponge`. */
export function ngPing(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  const cookie = randomBytes(6).toString('hex');
  const socket = createSocket('udp4');
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('error', () => done(false));
    socket.on('message', (message) => {
      const text = message.toString();
      if (text.startsWith(`${cookie} `)) done(text.includes('4:pong'));
    });
    socket.send(`${cookie} d7:command4:pinge`, port, host);
  });
}

/** Kamailio's JSON-RPC over HTTP (the management port's `/RPC`). */
export async function kamailioRpc(mgmtUrl: string, method: string, params: readonly unknown[] = []): Promise<unknown> {
  const response = await fetch(`${mgmtUrl}/RPC`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
    signal: AbortSignal.timeout(2000),
  });
  const answer = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (answer.error !== undefined) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}
