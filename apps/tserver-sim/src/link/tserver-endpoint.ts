import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { InboundLinkGuard, type InboundLinkLimits, type LinkLogger } from '@gws/framed-link';

export type EndpointRole = 'primary' | 'backup';

/**
 * One listening T-Server port. Its role swaps at switchover; the port stays. Its `guard` caps its connections and
 * bounds each link until RequestRegisterClient succeeds.
 */
export class TServerEndpoint {
  private constructor(
    readonly name: EndpointRole,
    public role: EndpointRole,
    private readonly server: Server,
    readonly port: number,
    readonly guard: InboundLinkGuard,
  ) {}

  static async listen(
    name: EndpointRole,
    host: string,
    port: number,
    limits: { readonly limits: InboundLinkLimits; readonly logger: LinkLogger },
    onSocket: (endpoint: TServerEndpoint, socket: Socket) => void,
  ): Promise<TServerEndpoint> {
    const server = createServer();
    const guard = new InboundLinkGuard(server, { name: `tserver-sim ${name}`, ...limits });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const endpoint = new TServerEndpoint(name, name, server, (server.address() as AddressInfo).port, guard);
    server.on('connection', (socket) => onSocket(endpoint, socket));
    return endpoint;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
