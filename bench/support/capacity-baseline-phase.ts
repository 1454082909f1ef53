/**
 * The baseline phase of `bench/capacity.bench.ts`: `bench:events`' bare cometd-nodejs-server child
 * (events-baseline-server.ts: GWS's notification options and acknowledgement extension, nothing else), with as many
 * clients as GWS had agents Ready, handshaken from the browser processes, and fed by the publisher child over
 * loopback TCP (events-baseline-publisher.ts) with copies of GWS's own messages on the same schedule: the baseline
 * `bench:events` judges its targets against. Only that drive runs (not the in-process one), to keep the run short.
 */
import { GWS_NODE_FLAGS } from '../../apps/gws/src/bootstrap/node-flags';
import type { Arrivals } from './events-browser';
import type { PhaseResult } from './events-drive-run';
import { log } from './events-log';
import { isEventsServerMessage, type BaselineSamples, type DriveSpec } from './events-protocol';
import { SERVER_START_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, ServerProcess } from './events-server-process';
import { BrowserFleet, type StormResult } from './capacity-browsers';
import { driveWithFleet } from './capacity-drive';
import { FdMonitor, type FdFigures } from './capacity-fd-monitor';
import type { CapacityOptions } from './capacity-options';
import { forkWithRaisedFdLimit } from './capacity-spawn';

export interface BaselineCapacityResult {
  readonly storm: StormResult;
  readonly drive: PhaseResult;
  readonly memory: {
    /** Settled RSS idle and with every client connected; the drive's own figures are in `drive`. */
    readonly idleRssMb: number;
    readonly afterHandshakesRssMb: number;
    readonly afterDriveRssMb: number;
    readonly peakRssMb: number;
  };
  readonly fds: { readonly handshakes: FdFigures; readonly drive: FdFigures };
}

export async function baselineCapacityPhase(
  options: CapacityOptions,
  clients: number,
  spec: DriveSpec,
  samples: BaselineSamples,
  arrivals: Arrivals,
): Promise<BaselineCapacityResult> {
  const execArgv = [...process.execArgv, ...GWS_NODE_FLAGS, ...options.serverFlags];
  const child = forkWithRaisedFdLimit('events-baseline-server.ts', [], execArgv);
  const server = new ServerProcess('events-baseline-server.ts', child, isEventsServerMessage, SHUTDOWN_TIMEOUT_MS);
  let publisher: ServerProcess | undefined;
  let fleet: BrowserFleet | undefined;
  const fds = new FdMonitor(child.pid!);
  try {
    const ready = await server.next('ready', SERVER_START_TIMEOUT_MS);
    if (ready.feedPort === undefined) throw new Error('the baseline child did not say where its feed listens');
    fleet = await BrowserFleet.start(options.browserProcesses, arrivals, options.browserNice);
    const idle = await server.usage(true);
    fds.resetPeak();
    log(`baseline: ${clients} clients handshake from ${options.browserProcesses} processes`);
    const storm = await fleet.handshake(ready.port, clients, options.loginConcurrency, options.timeoutMs);
    if (storm.failures > 0)
      throw new Error(`${storm.failures} baseline clients did not connect: ${storm.firstFailures[0]}`);
    const handshakeFds = fds.resetPeak();
    // The publisher numbers the sessions as the server does when it connects: every client is in by now.
    publisher = ServerProcess.start('events-baseline-publisher.ts', [String(ready.feedPort)], undefined, undefined);
    await publisher.next('ready', SERVER_START_TIMEOUT_MS);
    const afterHandshakes = await server.usage(true);
    log(`baseline: ${storm.connected} clients in ${storm.ms} ms; the publisher child drives the same schedule`);
    const drive = await driveWithFleet(
      server,
      fleet,
      {
        scheduler: publisher,
        driver: { process: publisher, label: 'publisherProcess' },
        samples,
        targets: [],
        targetCount: clients,
      },
      spec,
      arrivals,
      { ...options, latencyDump: undefined },
    );
    return {
      storm,
      drive: drive.result,
      memory: {
        idleRssMb: idle.rssMb,
        afterHandshakesRssMb: afterHandshakes.rssMb,
        afterDriveRssMb: drive.serverAfter.rssMb,
        peakRssMb: drive.serverAfter.peakRssMb,
      },
      fds: { handshakes: handshakeFds, drive: fds.resetPeak() },
    };
  } finally {
    fds.stop();
    log('baseline: disconnecting the clients');
    await fleet?.close(SHUTDOWN_TIMEOUT_MS);
    await fleet?.stop();
    await publisher?.stop();
    await server.stop();
  }
}
