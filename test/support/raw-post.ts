import { connect as netConnect } from 'node:net';

/** What a server answered to a request written on a raw socket. */
export interface RawPostAnswer {
  /** The status of the server's answer; 0 when none came. */
  readonly status: number;
  /** The server ended the connection (FIN or reset) after answering, without us closing it. */
  readonly closedByServer: boolean;
  /** Body bytes written before the answer came (streamed bodies). */
  readonly bytesSent: number;
  /** The socket error, if any (EPIPE / ECONNRESET once the server stopped reading). */
  readonly error: string | undefined;
}

export interface RawPostTarget {
  readonly port: number;
  readonly path: string;
  /** Our side's loopback address (127.0.0.N), so that per-address limits of one caller do not touch another. */
  readonly localAddress?: string;
  /** Bound of the whole exchange. @default 20000 */
  readonly timeoutMs?: number;
}

/**
 * A POST on a raw socket to 127.0.0.1, as a client breaking the rules writes it: `headers` (e.g. a Content-Length
 * the body never reaches, or `Transfer-Encoding: chunked`) announce the body, then `bodyChunks` are written one by
 * one until the server answers (or the socket is gone). Writing past the server's refusal fails with EPIPE or
 * ECONNRESET, which only means the server stopped reading: its answer is what counts.
 */
export function rawPost(target: RawPostTarget, headers: string, bodyChunks: Iterable<Buffer>): Promise<RawPostAnswer> {
  return new Promise((resolve) => {
    const socket = netConnect({ port: target.port, host: '127.0.0.1', localAddress: target.localAddress });
    let received = '';
    let closedByServer = false;
    let bytesSent = 0;
    let error: string | undefined;
    socket.setTimeout(target.timeoutMs ?? 20_000, () =>
      socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', (failure: NodeJS.ErrnoException) => {
      error = failure.code ?? failure.message;
      closedByServer ||= error === 'ECONNRESET' || error === 'EPIPE';
    });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, closedByServer, bytesSent, error });
    });
    const chunks = bodyChunks[Symbol.iterator]();
    // One chunk at a time, the next once the last has been handed to the kernel and the loop has had a turn to read:
    // Node destroys a socket on a failed write (EPIPE) without reading what had arrived, the answer included.
    const pump = (): void => {
      const next = chunks.next();
      if (received !== '' || socket.destroyed || next.done === true) return;
      bytesSent += next.value.length;
      socket.write(next.value, () => setImmediate(pump));
    };
    socket.write(`POST ${target.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`);
    pump();
  });
}

/** A chunked body (`Transfer-Encoding: chunked` framing) of up to `maxBytes` in 64 KiB chunks, then its end. */
export function* chunkedBody(maxBytes: number): Generator<Buffer> {
  const data = Buffer.alloc(64 * 1024, 0x20);
  const chunk = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
  yield Buffer.from('1\r\n[\r\n');
  for (let sent = 0; sent < maxBytes; sent += data.length) yield chunk;
  yield Buffer.from('0\r\n\r\n');
}
