import { readFileSync } from 'node:fs';
import { CfgAppType, ConfServClient, type ConfServClientOptions } from '@gws/confserv';
import { demoDirectoryFile, loadDirectory, type ContactCenterDirectory } from '@gws/directory';
import { ConfServSimulator, type ConfServSimulatorOptions } from '../simulator';

export function demoDirectory(): ContactCenterDirectory {
  const file = demoDirectoryFile();
  return loadDirectory(readFileSync(file, 'utf8'), file);
}

/** Starts simulators and clients and closes every one of them in `closeAll` (call it in afterEach). */
export class SimFixture {
  private readonly closers: (() => Promise<void>)[] = [];

  async simulator(options: Partial<ConfServSimulatorOptions> = {}): Promise<ConfServSimulator> {
    const simulator = await ConfServSimulator.start({ directory: demoDirectory(), ...options });
    this.closers.push(() => simulator.close());
    return simulator;
  }

  /** A client registered to `port` (fast reconnects, short timeouts for tests). */
  async client(port: number, options: Partial<ConfServClientOptions> = {}): Promise<ConfServClient> {
    const client = this.clientOnly(port, options);
    await client.connect();
    return client;
  }

  clientOnly(port: number, options: Partial<ConfServClientOptions> = {}): ConfServClient {
    const client = new ConfServClient({
      endpoints: [{ host: '127.0.0.1', port }],
      applicationName: 'GWS_Cluster',
      applicationType: CfgAppType.ThirdPartyServer,
      requestTimeoutMs: 2000,
      retryStrategy: () => 20,
      ...options,
    });
    this.closers.unshift(() => Promise.resolve(client.close()));
    return client;
  }

  async closeAll(): Promise<void> {
    const closers = this.closers.splice(0);
    for (const close of closers) await close();
  }
}
