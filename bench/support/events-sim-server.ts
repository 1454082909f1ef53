/**
 * The simulator side of `bench/events.bench.ts`, run as its own child process (forked with IPC), apart from GWS as
 * in a real deployment where T-Server and Configuration Server are other servers: both simulators on free loopback
 * ports (127.0.0.1), loaded from the directory file given as the first argument, and the call schedule. The
 * simulators are started here rather than through EmbeddedPlatform so that the T-Server simulator gets a clock hook
 * (`now`, an option of TServerSimulator): every TimeStamp it puts on an event is read through that hook, so this
 * process knows exactly the simulator's time of each event it causes. It answers `ready` with the ports, which the
 * bench hands to the GWS child (`events-bench-server.ts`).
 *
 * On `drive` it injects calls (`injectCall` to a logged-in agent's DN: EventRinging) and releases them
 * (`externalHangup` while ringing: EventAbandoned), on the schedule of `events-drive.ts`, and answers `driven` with
 * the simulator TimeStamp of every event, keyed `<CallUUID>:<GWS state>` as the browsers see them. Both calls run
 * the simulator synchronously, so the clock readings made during a call are the TimeStamps of its events; the
 * report says how many readings each action made and their largest spread. Nothing is written to stdout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { loadDirectory as LoadDirectory } from '@gws/directory';
import type { ConfServSimulator as ConfServSimulatorClass } from '../../apps/confserv-sim/src/simulator';
import type { TServerSimulator as TServerSimulatorClass } from '../../apps/tserver-sim/src/simulator';
import { exitOnStop, failChild } from './bench-child';
import { processUsage, readyReport } from './events-usage';
import { wallClockMs } from './events-clock';
import { drive } from './events-drive';
import { CountingSimulatorLogger } from './events-sim-log';
import { isEventsCommand, type DriveSpec, type EventsServerMessage, type StampCheck } from './events-protocol';
import { registerSwcTypeScript } from './login-swc-register';

// The same compilation of the simulators as when they ran in the GWS child (swc, see login-swc-register.ts).
registerSwcTypeScript();
const load = createRequire(__filename);
const { ConfServSimulator } = load('../../apps/confserv-sim/src/simulator') as {
  ConfServSimulator: typeof ConfServSimulatorClass;
};
const { TServerSimulator } = load('../../apps/tserver-sim/src/simulator') as {
  TServerSimulator: typeof TServerSimulatorClass;
};
const { loadDirectory } = load('@gws/directory') as { loadDirectory: typeof LoadDirectory };

function send(message: EventsServerMessage): void {
  process.send?.(message);
}

/** The simulator's clock: the bench clock, with the readings made during one action recorded. */
class RecordingClock {
  private readings: number[] | undefined;
  private readonly check = { min: Infinity, max: 0, maxSpreadMs: 0, actionsWithoutReading: 0 };

  readonly now = (): number => {
    const time = wallClockMs();
    this.readings?.push(time);
    return time;
  };

  /**
   * Runs `action` and returns the first simulator clock reading it made. That reading is the TimeStamp of the event
   * the agent's DN gets: injectCall reads the clock once (EventFanout stamping EventRinging); externalHangup of a
   * ringing call reads it first for EventAbandoned, then for the agent's `idleSince` (agents.ts callEnded).
   */
  during(action: () => void): number {
    const readings: number[] = [];
    this.readings = readings;
    try {
      action();
    } finally {
      this.readings = undefined;
    }
    this.check.min = Math.min(this.check.min, readings.length);
    this.check.max = Math.max(this.check.max, readings.length);
    if (readings.length === 0) {
      this.check.actionsWithoutReading++;
      return wallClockMs();
    }
    this.check.maxSpreadMs = Math.max(this.check.maxSpreadMs, readings[readings.length - 1]! - readings[0]!);
    return readings[0]!;
  }

  report(): StampCheck {
    return {
      readingsPerActionMin: Number.isFinite(this.check.min) ? this.check.min : 0,
      readingsPerActionMax: this.check.max,
      maxSpreadMs: Math.round(this.check.maxSpreadMs * 1000) / 1000,
      actionsWithoutReading: this.check.actionsWithoutReading,
    };
  }
}

async function main(): Promise<void> {
  const directoryFile = process.argv[2];
  if (directoryFile === undefined) throw new Error('usage: events-sim-server <directory file>');
  const started = performance.now();
  const clock = new RecordingClock();
  const logger = new CountingSimulatorLogger();
  const directory = loadDirectory(readFileSync(directoryFile, 'utf8'), directoryFile);
  const confserv = await ConfServSimulator.start({ directory, host: '127.0.0.1', port: 0, logger });
  const tserver = await TServerSimulator.start({
    directory,
    host: '127.0.0.1',
    primaryPort: 0,
    backupPort: 0,
    logger,
    now: clock.now,
  });

  const stop = exitOnStop(() => Promise.all([tserver.close(), confserv.close()]));

  const driveCalls = async (spec: DriveSpec, dns: readonly string[]): Promise<void> => {
    logger.take();
    const report = await drive<string>(spec, dns.length, {
      start: (index) => {
        let callUuid = '';
        let connId = '';
        const origin = clock.during(() => {
          ({ callUuid, connId } = tserver.injectCall({ ani: '+15550001234', destination: dns[index]! }));
        });
        return { call: connId, id: callUuid, origin };
      },
      end: (connId) => clock.during(() => tserver.externalHangup(connId)),
    });
    send({ type: 'driven', ...report, stampCheck: clock.report(), simulatorLog: logger.take() });
  };

  process.on('message', (command: unknown) => {
    if (!isEventsCommand(command)) return;
    if (command.type === 'stop') {
      stop();
    } else if (command.type === 'drive') {
      driveCalls(command.spec, command.targets).catch(failChild);
    } else if (command.type === 'usage') {
      send(processUsage(0, command.settle === true));
    }
  });
  send(
    readyReport(tserver.primaryPort, started, {
      simulators: { tserverPrimary: tserver.primaryPort, tserverBackup: tserver.backupPort, confserv: confserv.port },
    }),
  );
}

main().catch(failChild);
