/**
 * Fuzz / soak run: replays the abusive inputs of the security review against a server of its own and reports what
 * the server answered and whether it lived through it.
 *
 *   npm run soak                                   # every scenario: about 30 s, at most ~2.5 minutes
 *   npm run soak -- --duration-scale 3             # time budgets and the repeated-request counts x3
 *   npm run soak -- --basic-requests 20000 --never-ack-agents 4 --scenarios login-burst,never-ack
 *
 * Server under test: a forked child (bench/support/soak-server.ts) that runs, in ONE process as `npm start` does,
 * both simulators and GWS with the DEFAULT limits (GWS on 0.0.0.0, everything on free ports). Only loopback is used:
 * every request goes to 127.0.0.1, and requests that carry credentials go out from source addresses of the
 * scenario's own (127.0.<scenario>.<n>), so that one scenario's failed logins (counted per address) lock no other
 * out. Successful agent logins go out from 127.0.0.1 (test/support/gws-rest-agent.ts, on fetch).
 *
 * Scenarios, in order, each bounded in count and time (`--scenarios a,b` runs a subset):
 *   1. cometd-oversized   600 MiB announced, 20 MB streamed on /api/v2/notifications: 413, connection closed
 *   2. cometd-malformed   [handshake, connect] 400, 1,000-message batch 413, 50,000 deep 400/413, not JSON 400;
 *                         a session asking `interval: 1e12` must still expire (waited for in the background)
 *   3. login-burst        50 parallel REST Basic guesses (right password last) and 50 CometD handshake guesses:
 *                         Configuration Server checks at most 5 of each (LOGIN_FAILURE_LIMIT), the right one 429
 *   4. basic-no-cookie    5,000 Basic GET /api/v2/me of one user, 20 at once, no cookie: one HTTP session held
 *   5. rest-malformed     deep JSON, prototype keys, null user data, repeated query parameters, bad JSON, 200 KB
 *   6. never-ack          8 agents whose CometD clients never acknowledge while calls ring: every poll answer at
 *                         most 1,000 messages (COMETD_MAX_QUEUED_MESSAGES), sessions ended 402 + handshake advice
 *   7. sim-listeners      300 connections to the T-Server simulator that start a ~1 MiB frame and never register
 *   8. switchover-call    a call injected right after a T-Server switchover is listed by GET /api/v2/me/calls
 * then the server must still answer GET /api/v2/diagnostics/version and a login.
 *
 * TARGETS: 0 answers >= 500 (`targets.noFiveXx`) and 0 crashes (`targets.noCrash`: the server process never exits
 * before the soak stops it; after a crash the remaining scenarios are skipped). They are reported, not enforced by
 * the exit code; each scenario's own checks are in its `ok` (false too on any 5xx of its own). Memory: the server's
 * RSS (VmRSS sampled, VmHWM at the end) and, around each scenario, its V8 heap after a full GC (growth there that
 * scales with the request count would be a leak); `uncaughtErrors` counts errors that reached the process guards.
 * Prints ONE JSON object on stdout (progress on stderr); exits 0, or 1 when the soak itself cannot run.
 */
import { parseBenchArgs } from './support/bench-args';
import { SoakServerProcess } from './support/soak-child';
import type { Scenario, ScenarioReport, SoakContext, SoakOptions } from './support/soak-context';
import { basicAuthorization, loopbackRequest, StatusTally } from './support/soak-http';
import { cometdMalformed, cometdOversized } from './support/soak-scenarios-cometd';
import { basicNoCookie, loginBurst } from './support/soak-scenarios-login';
import { neverAck } from './support/soak-scenarios-never-ack';
import { restMalformed } from './support/soak-scenarios-rest';
import { simListeners, switchoverCall } from './support/soak-scenarios-sim';

const SCENARIOS: readonly Scenario[] = [
  cometdOversized,
  cometdMalformed,
  loginBurst,
  basicNoCookie,
  restMalformed,
  neverAck,
  simListeners,
  switchoverCall,
];
/** A scenario past its budget by this much is abandoned (its own requests time out on their own). */
const OVERRUN_GRACE_MS = 10_000;
/** Bound on background work (a session expiry wait) once every scenario has run. */
const BACKGROUND_BOUND_MS = 40_000;
/** Start-up, stop and the final check, on top of the scenarios' budgets, before the watchdog gives up. */
const SETUP_BOUND_MS = 180_000;
const FINAL_ADDRESS = '127.0.99.1';

function log(line: string): void {
  process.stderr.write(`[soak] ${line}\n`);
}

function parseOptions(argv: readonly string[]): { options: SoakOptions; scenarios: readonly Scenario[] } {
  const values = parseBenchArgs(argv);
  const flags: Record<string, number> = {
    'oversized-sockets': 3,
    'streamed-bodies': 3,
    'stream-max-mb': 20,
    'malformed-repeats': 3,
    'login-guesses': 50,
    'basic-requests': 5_000,
    'basic-concurrency': 20,
    'rest-repeats': 5,
    'never-ack-agents': 8,
    'sim-connections': 300,
  };
  const known = new Set([...Object.keys(flags), 'duration-scale', 'interval-wait', 'scenarios']);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}`);
  const scale = Number(values.get('duration-scale') ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error('--duration-scale must be a positive number');
  const count = (name: string, scaled = false): number => {
    const raw = values.get(name);
    const value = raw === undefined ? Math.max(1, Math.round(flags[name]! * (scaled ? scale : 1))) : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const neverAckAgents = count('never-ack-agents');
  // agent9 and up serve the other scenarios (and agent12/13 are locked out by login-burst).
  if (neverAckAgents > 8) throw new Error('--never-ack-agents is at most 8 (agent1 .. agent8)');
  const names = values
    .get('scenarios')
    ?.split(',')
    .map((name) => name.trim());
  const unknown = names?.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}`);
  return {
    options: {
      scale,
      oversizedSockets: count('oversized-sockets'),
      streamedBodies: count('streamed-bodies'),
      streamMaxBytes: count('stream-max-mb') * 1024 * 1024,
      malformedRepeats: count('malformed-repeats', true),
      intervalWait: values.get('interval-wait') !== 'false',
      loginGuesses: count('login-guesses'),
      basicRequests: count('basic-requests', true),
      basicConcurrency: count('basic-concurrency'),
      restRepeats: count('rest-repeats', true),
      neverAckAgents,
      simConnections: count('sim-connections'),
    },
    scenarios: names === undefined ? SCENARIOS : SCENARIOS.filter((scenario) => names.includes(scenario.name)),
  };
}

/** Resolves with `work`, or with undefined once `ms` have passed. */
function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([work, bound]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Background {
  readonly scenario: string;
  readonly work: Promise<Record<string, unknown>>;
}

/** Runs one scenario against the server: bounded, its errors reported as its result, never thrown. */
async function runScenario(
  scenario: Scenario,
  index: number,
  server: SoakServerProcess,
  options: SoakOptions,
  total: StatusTally,
  backgrounds: Background[],
): Promise<ScenarioReport> {
  const tally = new StatusTally(total);
  const budgetMs = scenario.budgetMs * options.scale;
  const started = performance.now();
  const deadline = started + budgetMs;
  const ports = server.ready!;
  const context: SoakContext = {
    ports,
    server,
    tally,
    options,
    baseUrl: `http://127.0.0.1:${ports.gwsPort}`,
    address: (n = 0) => `127.0.${index + 1}.${n + 1}`,
    remainingMs: () => Math.max(0, deadline - performance.now()),
    expired: () => performance.now() >= deadline || !server.alive,
    background: (work) => backgrounds.push({ scenario: scenario.name, work: work.catch(backgroundFailure) }),
  };
  const heapBeforeMb = (await server.stats(undefined, true).catch(() => undefined))?.heapUsedMb;
  const rssBeforeMb = server.rssMb();
  let report: ScenarioReport;
  try {
    const finished = await within(scenario.run(context), budgetMs + OVERRUN_GRACE_MS);
    report = finished ?? { error: `did not finish within ${budgetMs + OVERRUN_GRACE_MS} ms`, ok: false };
  } catch (error) {
    report = { error: errorText(error), ok: false };
  }
  const durationMs = Math.round(performance.now() - started);
  const rssAfterMb = server.rssMb();
  const heapAfterMb = server.alive
    ? (await server.stats(undefined, true).catch(() => undefined))?.heapUsedMb
    : undefined;
  if (server.crash !== undefined) report = { ...report, crash: server.crash, ok: false };
  return {
    ...tally.summary(),
    durationMs,
    budgetMs,
    server: { rssBeforeMb, rssAfterMb, heapAfterGcBeforeMb: heapBeforeMb, heapAfterGcAfterMb: heapAfterMb },
    ...report,
    ok: report.ok && tally.fiveXx === 0,
  };
}

function backgroundFailure(error: unknown): Record<string, unknown> {
  return { backgroundError: errorText(error), ok: false };
}

/** GET /api/v2/diagnostics/version and a Basic login (agent16), from an address no scenario used. */
async function finalCheck(server: SoakServerProcess, total: StatusTally): Promise<Record<string, unknown>> {
  if (!server.alive) return { skipped: 'the server is not running', ok: false };
  const port = server.ready!.gwsPort;
  const statusOf = (path: string, headers: Record<string, string>): Promise<number> =>
    total.track(loopbackRequest({ port, method: 'GET', path, localAddress: FINAL_ADDRESS, headers })).then(
      (answer) => answer.status,
      () => 0,
    );
  const versionStatus = await statusOf('/api/v2/diagnostics/version', {});
  const loginStatus = await statusOf('/api/v2/me', { Authorization: basicAuthorization('agent16', 'password') });
  return { versionStatus, loginStatus, ok: versionStatus === 200 && loginStatus === 200 };
}

async function main(): Promise<void> {
  const { options, scenarios } = parseOptions(process.argv.slice(2));
  const boundMs = scenarios.reduce((sum, s) => sum + s.budgetMs * options.scale + OVERRUN_GRACE_MS, SETUP_BOUND_MS);
  setTimeout(() => {
    log(`the soak did not end within ${Math.round(boundMs / 1000)} s: giving up`);
    process.exit(1);
  }, boundMs).unref();

  const started = performance.now();
  const total = new StatusTally();
  const server = SoakServerProcess.start();
  const results: Record<string, ScenarioReport> = {};
  const backgrounds: Background[] = [];
  let startRssMb: number | undefined;
  let endRssMb: number | undefined;
  let peakRssMb: number | undefined;
  let uncaughtErrors: number | undefined;
  let final: Record<string, unknown> | undefined;
  try {
    const ready = await server.waitReady();
    startRssMb = server.rssMb();
    log(`server under test up: GWS ${ready.gwsPort}, T-Server ${ready.tserverPort}, control ${ready.controlPort}`);
    for (const [index, scenario] of SCENARIOS.entries()) {
      if (!scenarios.includes(scenario)) continue;
      if (server.crash !== undefined) {
        results[scenario.name] = { skipped: `the server crashed: ${server.crash}`, ok: false };
        continue;
      }
      log(`${scenario.name} ...`);
      const report = await runScenario(scenario, index, server, options, total, backgrounds);
      results[scenario.name] = report;
      log(`${scenario.name}: ok ${String(report.ok)} in ${String(report['durationMs'])} ms`);
    }
    for (const { scenario, work } of backgrounds) {
      log(`${scenario}: waiting for its background check`);
      const fields = (await within(work, BACKGROUND_BOUND_MS * options.scale)) ?? {
        backgroundError: 'background check did not settle in time',
        ok: false,
      };
      const report = results[scenario]!;
      results[scenario] = { ...report, ...fields, ok: report.ok && fields['ok'] !== false };
    }
    final = await finalCheck(server, total);
    if (server.alive) uncaughtErrors = (await server.stats()).uncaughtErrors;
    endRssMb = server.rssMb();
    peakRssMb = server.peakRssMb();
  } finally {
    await server.stop();
  }
  const crash = server.crash;
  const result = {
    requestsSent: total.sent,
    byStatus: total.byStatus,
    fiveXx: total.fiveXx,
    requestErrors: total.errors,
    crashes: crash === undefined ? 0 : 1,
    ...(crash === undefined ? {} : { crash }),
    uncaughtErrors,
    peakRssMb,
    startRssMb,
    endRssMb,
    durationMs: Math.round(performance.now() - started),
    scenarios: results,
    finalCheck: final,
    targets: { noFiveXx: total.fiveXx === 0, noCrash: crash === undefined },
    options,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
