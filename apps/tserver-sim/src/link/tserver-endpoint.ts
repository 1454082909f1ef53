import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export type EndpointRole = 'primary' | 'backup';

/** One listening T-Server port. Its role swaps at switchover; the port stays. */
export class TServerEndpoint {
  private constructor(
    readonly name: EndpointRole,
    public role: EndpointRole,
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async listen(
    name: EndpointRole,
    host: string,
    port: number,
    onSocket: (endpoint: TServerEndpoint, socket: Socket) => void,
  ): Promise<TServerEndpoint> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const endpoint = new TServerEndpoint(name, name, server, (server.address() as AddressInfo).port);
    server.on('connection', (socket) => onSocket(endpoint, socket));
    return endpoint;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
