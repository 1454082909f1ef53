import { readFileSync } from 'node:fs';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { AddressInfoType } from '@gws/tlib';
import { TServerClient } from '@gws/tserver-client';
import { TServerSimulator } from '../apps/tserver-sim/src/simulator';
import { FakeTServer } from '../libs/tserver-client/src/testing/fake-tserver';

/**
 * T-Server link round trips: RequestQueryAddress -> EventAddressInfo over loopback, through one link (one at a
 * time, then IN_FLIGHT at once) and through LINKS links in parallel. Each scenario runs about SCENARIO_MS after a
 * short warm-up. The server is the T-Server simulator in-process, or with `--fake` the fake raw server (the
 * output says which). Prints one JSON object.
 */
const SCENARIO_MS = 3000;
const WARMUP_MS = 300;
const IN_FLIGHT = 32;
const LINKS = 50;
const DN = '5001';

interface Server {
  readonly kind: 'tserver-sim' | 'fake-tserver';
  readonly port: number;
  close(): Promise<void>;
}

interface Figures {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** The simulator in-process; `--fake` uses the fake raw server instead, to see the client's own cost. */
async function startServer(): Promise<Server> {
  if (process.argv.includes('--fake')) {
    const fake = await FakeTServer.start();
    return { kind: 'fake-tserver', port: fake.port, close: () => fake.close() };
  }
  const directory = loadDirectory(readFileSync(demoDirectoryFile(), 'utf8'));
  const simulator = await TServerSimulator.start({ directory });
  return { kind: 'tserver-sim', port: simulator.primaryPort, close: () => simulator.close() };
}

async function connectClient(port: number): Promise<TServerClient> {
  const client = new TServerClient({
    endpoints: { primary: { host: '127.0.0.1', port } },
    applicationName: 'tlink-bench',
    addp: { localTimeoutMs: 0, remoteTimeoutMs: 0 },
  });
  await client.connect();
  await client.registerAddress(DN);
  return client;
}

/** Runs `lanes` loops of back-to-back requests over the given clients for `ms`; returns each latency in ns. */
async function drive(clients: readonly TServerClient[], lanes: number, ms: number): Promise<bigint[]> {
  const latencies: bigint[] = [];
  const deadline = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  const lane = async (client: TServerClient): Promise<void> => {
    while (process.hrtime.bigint() < deadline) {
      const started = process.hrtime.bigint();
      await client.dn.queryAddress(DN, AddressInfoType.AgentStatus);
      latencies.push(process.hrtime.bigint() - started);
    }
  };
  await Promise.all(Array.from({ length: lanes }, (_, index) => lane(clients[index % clients.length]!)));
  return latencies;
}

async function scenario(clients: readonly TServerClient[], lanes: number): Promise<Figures> {
  await drive(clients, lanes, WARMUP_MS);
  const started = process.hrtime.bigint();
  const latencies = (await drive(clients, lanes, SCENARIO_MS)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const at = (q: number): number =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!) / 1e6;
  const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: round(at(0.5), 3),
    p99Ms: round(at(0.99), 3),
  };
}

async function main(): Promise<void> {
  const server = await startServer();
  const clients: TServerClient[] = [];
  try {
    clients.push(await connectClient(server.port));
    const sequential = await scenario(clients, 1);
    const inFlight = await scenario(clients, IN_FLIGHT);
    for (let index = 1; index < LINKS; index++) clients.push(await connectClient(server.port));
    const parallelLinks = await scenario(clients, LINKS);
    const result = {
      benchmark: 'tserver-client round trips, RequestQueryAddress -> EventAddressInfo over loopback',
      server: server.kind,
      node: process.version,
      scenarioMs: SCENARIO_MS,
      oneLinkSequential: sequential,
      [`oneLink${IN_FLIGHT}InFlight`]: inFlight,
      [`${LINKS}LinksParallel`]: parallelLinks,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    for (const client of clients) client.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
