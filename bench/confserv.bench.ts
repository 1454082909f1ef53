import { readFileSync } from 'node:fs';
import { CfgAppType, ConfServClient } from '@gws/confserv';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { ConfServSimulator } from '../apps/confserv-sim/src/simulator';
import { DEFAULT_SCRYPT_COST } from '../apps/confserv-sim/src/store/password-vault';

/**
 * Configuration Server link figures, in one process over loopback TCP: the simulator on a free port and one
 * client link. Profile reads cycle over the 20 demo agents (readAgentProfile: 2 round trips, 7 reads each);
 * authentications cycle over the same agents and are bounded by the simulator's scrypt hash, not by the link.
 * Each phase runs for about PHASE_MS after a short warm-up, one request (profile) at a time. Prints one JSON object.
 */
const WARMUP_MS = 300;
const PHASE_MS = 1500;
const AGENTS = Array.from({ length: 20 }, (_, index) => `agent${index + 1}`);

async function timed(run: (index: number) => Promise<unknown>, ms: number): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) await run(count++);
  return { count, ms: performance.now() - start };
}

async function main(): Promise<void> {
  const file = demoDirectoryFile();
  const simulator = await ConfServSimulator.start({ directory: loadDirectory(readFileSync(file, 'utf8'), file) });
  const client = new ConfServClient({
    endpoints: [{ host: '127.0.0.1', port: simulator.port }],
    applicationName: 'confserv-bench',
    applicationType: CfgAppType.ThirdPartyApp,
  });
  await client.connect();
  const profile = (index: number) => client.readAgentProfile(AGENTS[index % AGENTS.length]!);
  const authenticate = (index: number) => client.authenticate(AGENTS[index % AGENTS.length]!, 'password');

  await timed(profile, WARMUP_MS);
  const tripsBefore = client.roundTrips;
  const requestsBefore = client.requestsSent;
  const profiles = await timed(profile, PHASE_MS);
  const roundTrips = client.roundTrips - tripsBefore;
  const requests = client.requestsSent - requestsBefore;

  await timed(authenticate, WARMUP_MS);
  const auths = await timed(authenticate, PHASE_MS);

  client.close();
  await simulator.close();
  const result = {
    benchmark: 'confserv',
    node: process.version,
    link: 'one client link, loopback TCP, simulator in-process',
    profileReadsPerSecond: Math.round((profiles.count / profiles.ms) * 1000),
    profileReadMeanMs: Number((profiles.ms / profiles.count).toFixed(3)),
    roundTripsPerProfileRead: Number((roundTrips / profiles.count).toFixed(2)),
    requestsPerProfileRead: Number((requests / profiles.count).toFixed(2)),
    authenticationsPerSecond: Math.round((auths.count / auths.ms) * 1000),
    authenticationMeanMs: Number((auths.ms / auths.count).toFixed(3)),
    note: `authentication is bound by scrypt (N=${DEFAULT_SCRYPT_COST}, r=8, p=1) in the simulator, one at a time`,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`confserv bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
