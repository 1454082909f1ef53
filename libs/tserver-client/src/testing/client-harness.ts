import type { TMessage } from '@gws/tlib';
import type { StatusChange } from '../client-events';
import type { TServerClientOptions } from '../options';
import { TServerClient } from '../tserver-client';
import { FakeTServer, type FakeTServerOptions } from './fake-tserver';

/** Fast settings for tests: short timeouts, no ADDP, a fixed short backoff. */
export const FAST_OPTIONS = {
  applicationName: 'gws-test',
  requestTimeoutMs: 1000,
  connectTimeoutMs: 1000,
  addp: { localTimeoutMs: 0, remoteTimeoutMs: 0 },
  retryStrategy: () => 20,
} as const;

/** A client and everything it reported, for assertions. */
export interface Recorded {
  readonly client: TServerClient;
  readonly statuses: StatusChange[];
  readonly events: TMessage[];
}

/** Creates fake servers and clients and closes them all in `closeAll` (call it from afterEach). */
export class ClientHarness {
  private readonly servers: FakeTServer[] = [];
  private readonly clients: TServerClient[] = [];

  async server(options: FakeTServerOptions = {}): Promise<FakeTServer> {
    const server = await FakeTServer.start(options);
    this.servers.push(server);
    return server;
  }

  /** A client of `primary` (and `backup`), not yet connected. */
  client(primary: FakeTServer, options: Partial<TServerClientOptions> = {}, backup?: FakeTServer): Recorded {
    const client = new TServerClient({
      ...FAST_OPTIONS,
      endpoints: {
        primary: { host: '127.0.0.1', port: primary.port },
        ...(backup ? { backup: { host: '127.0.0.1', port: backup.port } } : {}),
      },
      ...options,
    });
    this.clients.push(client);
    const recorded: Recorded = { client, statuses: [], events: [] };
    client.on('status', (change) => recorded.statuses.push(change));
    client.on('event', (event) => recorded.events.push(event));
    return recorded;
  }

  async connected(
    primary: FakeTServer,
    options: Partial<TServerClientOptions> = {},
    backup?: FakeTServer,
  ): Promise<Recorded> {
    const recorded = this.client(primary, options, backup);
    await recorded.client.connect();
    return recorded;
  }

  async closeAll(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.servers.splice(0).map((server) => server.close()));
  }
}
