import type { ContactCenterDirectory } from '@gws/directory';
import { TServerSimulator, type TServerSimulatorOptions } from '../simulator';
import { testDirectory } from './test-directory';
import { TestClient, type TestClientOptions } from './test-client';

/** Starts simulators and clients for one test and closes them all in `teardown` (call it from afterEach). */
export class SimulatorFixture {
  private readonly simulators: TServerSimulator[] = [];
  private readonly clients: TestClient[] = [];

  async start(
    options: Partial<TServerSimulatorOptions> & { directory?: ContactCenterDirectory } = {},
  ): Promise<TServerSimulator> {
    const simulator = await TServerSimulator.start({
      externalAnswerDelayMs: 20,
      noAnswerTimeoutMs: 200,
      ...options,
      directory: options.directory ?? testDirectory(),
    });
    this.simulators.push(simulator);
    return simulator;
  }

  async client(port: number, options?: TestClientOptions): Promise<TestClient> {
    const client = await TestClient.connect(port, options);
    this.clients.push(client);
    return client;
  }

  /** A registered client with `dns` registered. */
  async clientFor(simulator: TServerSimulator, ...dns: string[]): Promise<TestClient> {
    const client = await this.client(simulator.primaryPort);
    await client.register(...dns);
    return client;
  }

  async teardown(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.simulators.splice(0).map((simulator) => simulator.close()));
  }
}
