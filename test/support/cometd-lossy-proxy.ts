import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between CometD test clients and the server that can lose a response on the way back, as a
 * dropped mobile or Wi-Fi link does: the server writes the whole response (and believes it delivered),
 * the proxy closes both connections instead of forwarding it, and the client sees a failed request.
 * Listens on 0.0.0.0 so clients on any loopback hostname can reach it.
 */
export class CometdLossyProxy {
  private readonly sockets = new Set<Socket>();
  private armed: { marker: string; dropped: () => void } | undefined;

  private constructor(
    private readonly server: Server,
    private readonly targetPort: number,
  ) {
    server.on('connection', (client) => this.pipe(client));
  }

  static async start(targetPort: number): Promise<CometdLossyProxy> {
    const server = createServer();
    const proxy = new CometdLossyProxy(server, targetPort);
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Loses the next server response whose bytes contain `marker`; resolves once it has been lost. */
  dropResponseContaining(marker: string): Promise<void> {
    return new Promise((resolve) => {
      this.armed = { marker, dropped: resolve };
    });
  }

  async close(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      // A reset on one side just ends the pair.
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      const armed = this.armed;
      if (armed && chunk.toString('utf8').includes(armed.marker)) {
        this.armed = undefined;
        client.destroy();
        upstream.destroy();
        armed.dropped();
        return;
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
