/**
 * The GWS phase of `bench/events.bench.ts` in its single-node mode: the simulator child, one GWS child with the
 * in-memory stores (the embedded default), and the browsers in the bench process, on their own loopback hostnames.
 * The steps that the cluster mode shares (simulator child, logins) are exported.
 */
import { GWS_NODE_FLAGS } from '../../apps/gws/src/bootstrap/node-flags';
import { GwsAgentBrowser, type Arrivals } from './events-browser';
import { measure, pool, progress, runDrive, type PhaseResult } from './events-drive-run';
import { log } from './events-log';
import type { EventsOptions } from './events-options';
import type { BaselineSamples, DriveSpec, SimulatorPorts } from './events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, ServerProcess } from './events-server-process';
import { writeLoginBenchDirectory, type LoginBenchDirectory } from './login-directory';

const LOGIN_CONCURRENCY = 200;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The simulator child on `directory`, once it says where its simulators listen. */
export async function startSimulatorChild(
  directory: LoginBenchDirectory,
): Promise<{ simulator: ServerProcess; ports: SimulatorPorts }> {
  const simulator = ServerProcess.start('events-sim-server.ts', [directory.file], undefined, undefined);
  try {
    const simulated = await simulator.next('ready', SERVER_START_TIMEOUT_MS);
    const ports = simulated.simulators;
    if (ports === undefined) throw new Error('the simulator child did not say where its simulators listen');
    log(
      `simulator child up in ${simulated.startupMs} ms: T-Server ${ports.tserverPrimary}/${ports.tserverBackup}, ` +
        `Configuration Server ${ports.confserv} (clock skew ${simulated.clockSkewMs} ms)`,
    );
    return { simulator, ports };
  } catch (error) {
    await simulator.stop();
    throw error;
  }
}

/** Logs every browser in and makes it Ready; the DNs of those that made it, the failures, and how long it took. */
export async function loginBrowsers(
  browsers: readonly GwsAgentBrowser[],
  options: EventsOptions,
): Promise<{ targets: string[]; failures: string[]; loginMs: number }> {
  const loginStart = performance.now();
  const deadline = loginStart + options.timeoutMs;
  const failures = await pool(browsers, LOGIN_CONCURRENCY, (browser) => browser.run(deadline));
  const loginMs = Math.round(performance.now() - loginStart);
  log(`${browsers.length - failures.length}/${browsers.length} agents Ready in ${loginMs} ms`);
  for (const failure of failures.slice(0, 5)) log(`login failure: ${failure}`);
  const failed = new Set(failures.map((failure) => failure.split(':')[0]));
  const targets = browsers.filter((browser) => !failed.has(browser.agent.userName)).map((b) => b.agent.dn);
  return { targets, failures, loginMs };
}

/** The first Ringing and Released messages the browsers saw, which the baseline copies. */
export function samplesOf(arrivals: Arrivals): BaselineSamples | undefined {
  return arrivals.ringing !== undefined && arrivals.released !== undefined
    ? { ringing: arrivals.ringing, released: arrivals.released }
    : undefined;
}

export interface GwsPhaseResult {
  readonly result: PhaseResult;
  readonly agentsReady: number;
  readonly failures: string[];
  readonly samples: BaselineSamples | undefined;
}

export async function gwsPhase(options: EventsOptions, spec: DriveSpec, arrivals: Arrivals): Promise<GwsPhaseResult> {
  const directory = writeLoginBenchDirectory(options.agents);
  let simulator: ServerProcess | undefined;
  let server: ServerProcess | undefined;
  const browsers: GwsAgentBrowser[] = [];
  try {
    const started = await startSimulatorChild(directory);
    simulator = started.simulator;
    const { ports } = started;
    server = ServerProcess.start(
      'events-bench-server.ts',
      [String(ports.tserverPrimary), String(ports.tserverBackup), String(ports.confserv)],
      options.serverCpuProfDir,
      options.semiSpaceMb,
      GWS_NODE_FLAGS,
    );
    const ready = await server.next('ready', SERVER_START_TIMEOUT_MS);
    log(`GWS child up on port ${ready.port} in ${ready.startupMs} ms (clock skew ${ready.clockSkewMs} ms)`);
    for (let index = 0; index < options.agents; index++) {
      browsers.push(new GwsAgentBrowser(ready.port, index, arrivals, directory.agents[index]!));
    }
    const { targets, failures, loginMs } = await loginBrowsers(browsers, options);
    await sleep(1000);
    log(
      `GWS: driving ${spec.ratePerSecond} events/s for ${spec.warmupMs} + ${spec.durationMs} ms, hold ${spec.holdMs} ms`,
    );
    const timer = progress('GWS', arrivals);
    const gws = server;
    const run = await runDrive(
      { server: gws, scheduler: simulator, driver: { process: simulator, label: 'simulatorProcess' }, targets },
      spec,
      arrivals,
      options,
    ).finally(() => clearInterval(timer));
    const report = { ...run.report, ...(await gws.handed(run.report.keys)) };
    const result = measure(spec, { ...run, report }, arrivals);
    result.details['loginMs'] = loginMs;
    const samples = samplesOf(arrivals);
    if (samples !== undefined) {
      result.details['messageBytes'] = {
        ringing: JSON.stringify(samples.ringing).length,
        released: JSON.stringify(samples.released).length,
      };
    }
    return { result, agentsReady: targets.length, failures, samples };
  } finally {
    log('GWS: disconnecting the browsers');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    await server?.stop();
    await simulator?.stop();
    directory.remove();
  }
}
