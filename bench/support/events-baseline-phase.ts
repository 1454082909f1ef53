/**
 * The baseline phase of `bench/events.bench.ts`: the bare cometd-nodejs-server with as many clients as GWS had,
 * driven twice: first by the publisher child over loopback TCP (GWS's topology; the targets are judged against it),
 * then by the server child itself (`baselineInProcess`).
 */
import { join } from 'node:path';
import { GWS_NODE_FLAGS } from '../../apps/gws/src/bootstrap/node-flags';
import { BaselineBrowser, type Arrivals } from './events-browser';
import { measure, pool, progress, runDrive, type PhaseResult } from './events-drive-run';
import { sleep } from './events-gws-phase';
import { log } from './events-log';
import type { EventsOptions } from './events-options';
import type { BaselineSamples, DriveSpec } from './events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, ServerProcess } from './events-server-process';

const HANDSHAKE_CONCURRENCY = 200;

export async function baselinePhase(
  options: EventsOptions,
  clients: number,
  spec: DriveSpec,
  samples: BaselineSamples,
  arrivals: Arrivals,
): Promise<{ fed: PhaseResult; inProcess: PhaseResult }> {
  // Profiled with GWS (`--server-cpu-prof DIR`), into DIR/baseline: the two servers' CPU per event side by side.
  const profDir = options.serverCpuProfDir === undefined ? undefined : join(options.serverCpuProfDir, 'baseline');
  const server = ServerProcess.start('events-baseline-server.ts', [], profDir, options.semiSpaceMb, GWS_NODE_FLAGS);
  let publisher: ServerProcess | undefined;
  const browsers: BaselineBrowser[] = [];
  try {
    const ready = await server.next('ready', SERVER_START_TIMEOUT_MS);
    if (ready.feedPort === undefined) throw new Error('the baseline child did not say where its feed listens');
    log(`baseline child up on port ${ready.port}, feed ${ready.feedPort} (clock skew ${ready.clockSkewMs} ms)`);
    for (let index = 0; index < clients; index++) browsers.push(new BaselineBrowser(ready.port, index, arrivals));
    const deadline = performance.now() + options.timeoutMs;
    const failures = await pool(browsers, HANDSHAKE_CONCURRENCY, (browser) => browser.run(deadline));
    if (failures.length > 0) throw new Error(`${failures.length} baseline clients did not connect: ${failures[0]}`);
    // The publisher numbers the sessions as the server does when it connects: every client is in by now.
    publisher = ServerProcess.start('events-baseline-publisher.ts', [String(ready.feedPort)], undefined, undefined);
    await publisher.next('ready', SERVER_START_TIMEOUT_MS);
    await sleep(1000);

    log(`baseline: ${clients} clients connected; the publisher child drives the same schedule over loopback TCP`);
    let timer = progress('baseline (publisher)', arrivals);
    const fedRun = await runDrive(
      {
        server,
        scheduler: publisher,
        driver: { process: publisher, label: 'publisherProcess' },
        samples,
        targets: [],
        targetCount: clients,
      },
      spec,
      arrivals,
      options,
    ).finally(() => clearInterval(timer));
    const fed = measure(spec, fedRun, arrivals);

    arrivals.clear();
    log('baseline: the server child drives the same schedule itself');
    timer = progress('baseline (in process)', arrivals);
    const inProcessRun = await runDrive(
      { server, scheduler: server, samples, targets: [] },
      spec,
      arrivals,
      options,
    ).finally(() => clearInterval(timer));
    return { fed, inProcess: measure(spec, inProcessRun, arrivals) };
  } finally {
    log('baseline: disconnecting the clients');
    await Promise.all(browsers.map((browser) => browser.close(SHUTDOWN_TIMEOUT_MS))).catch(() => undefined);
    await publisher?.stop();
    await server.stop();
  }
}
