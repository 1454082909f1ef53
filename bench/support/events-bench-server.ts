/**
 * The GWS side of `bench/events.bench.ts`, run as a child process (forked with IPC). Like
 * `login-bench-server.ts` (whose set-up it follows): both simulators on free loopback ports, loaded from the directory
 * file given as the first argument, and a GWS node connected to them listening on 0.0.0.0:<free port>. The
 * simulators are started here rather than through EmbeddedPlatform so that the T-Server simulator gets a clock hook
 * (`now`, an option of TServerSimulator): every TimeStamp it puts on an event is read through that hook, so the
 * child knows exactly the simulator's time of each event it causes.
 *
 * On `drive` it injects calls (`injectCall` to a logged-in agent's DN: EventRinging) and releases them
 * (`externalHangup` while ringing: EventAbandoned), on the schedule of `events-drive.ts`, and answers `driven` with
 * the simulator TimeStamp of every event, keyed `<CallUUID>:<GWS state>` as the browsers see them. Both calls run
 * the simulator synchronously, so the clock readings made during a call are the TimeStamps of its events; the
 * report says how many readings each action made and their largest spread. Nothing is written to stdout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { loadDirectory as LoadDirectory } from '@gws/directory';
import type { silentLogger as SilentLogger } from '@gws/framed-link';
import type { createGwsApp as CreateGwsApp } from '../../apps/gws/src/bootstrap/create-gws-app';
import type { loadGwsConfig as LoadGwsConfig } from '../../apps/gws/src/config/gws-config';
import type { NotificationPublisher as NotificationPublisherClass } from '../../apps/gws/src/notifications';
import type { ConfServSimulator as ConfServSimulatorClass } from '../../apps/confserv-sim/src/simulator';
import type { TServerSimulator as TServerSimulatorClass } from '../../apps/tserver-sim/src/simulator';
import { wallClockMs, wallClockSkewMs } from './events-clock';
import { drive } from './events-drive';
import { isEventsCommand, type DriveSpec, type EventsServerMessage, type StampCheck } from './events-protocol';
import { registerSwcTypeScript } from './login-swc-register';

const MB = 1024 * 1024;

// GWS needs decorator metadata (NestJS injection), which tsx does not emit: compile GWS with swc, then load it.
registerSwcTypeScript();
const load = createRequire(__filename);
const { createGwsApp } = load('../../apps/gws/src/bootstrap/create-gws-app') as { createGwsApp: typeof CreateGwsApp };
const { loadGwsConfig } = load('../../apps/gws/src/config/gws-config') as { loadGwsConfig: typeof LoadGwsConfig };
const { NotificationPublisher } = load('../../apps/gws/src/notifications') as {
  NotificationPublisher: typeof NotificationPublisherClass;
};
const { CometdGateway } = load('../../apps/gws/src/notifications') as { CometdGateway: { prototype: GatewayDeliver } };
const { CONFSERV_CLIENT, TSERVER_CLIENT } = load('../../apps/gws/src/platform/platform.tokens') as {
  CONFSERV_CLIENT: symbol;
  TSERVER_CLIENT: symbol;
};
const { ConfServSimulator } = load('../../apps/confserv-sim/src/simulator') as {
  ConfServSimulator: typeof ConfServSimulatorClass;
};
const { TServerSimulator } = load('../../apps/tserver-sim/src/simulator') as {
  TServerSimulator: typeof TServerSimulatorClass;
};
const { loadDirectory } = load('@gws/directory') as { loadDirectory: typeof LoadDirectory };
const { silentLogger } = load('@gws/framed-link') as { silentLogger: typeof SilentLogger };

interface GatewayDeliver {
  deliver(session: unknown, channel: string, data: object): void;
}

/**
 * When each CallStateChangeMessage reached `CometdGateway.deliver` (the hand-over from GWS to cometd-nodejs-server),
 * keyed as the browsers key them. The wrapper only reads the message and adds a Map write per delivery.
 */
const handedToCometd = new Map<string, number>();
const deliver = CometdGateway.prototype.deliver;
CometdGateway.prototype.deliver = function (this: GatewayDeliver, session, channel, data) {
  const message = data as { messageType?: unknown; call?: { id?: unknown; state?: unknown } };
  if (message.messageType === 'CallStateChangeMessage' && typeof message.call?.id === 'string') {
    const key = `${message.call.id}:${String(message.call.state)}`;
    if (!handedToCometd.has(key)) handedToCometd.set(key, wallClockMs());
  }
  deliver.call(this, session, channel, data);
};

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
  if (directoryFile === undefined) throw new Error('usage: events-bench-server <directory file>');
  const started = performance.now();
  const clock = new RecordingClock();
  const directory = loadDirectory(readFileSync(directoryFile, 'utf8'), directoryFile);
  const confserv = await ConfServSimulator.start({ directory, host: '127.0.0.1', port: 0, logger: silentLogger });
  const tserver = await TServerSimulator.start({
    directory,
    host: '127.0.0.1',
    primaryPort: 0,
    backupPort: 0,
    logger: silentLogger,
    now: clock.now,
  });
  const config = loadGwsConfig({
    GWS_HOST: '0.0.0.0',
    GWS_PORT: '0',
    GWS_EMBEDDED: 'false',
    TSERVER_PRIMARY: `127.0.0.1:${tserver.primaryPort}`,
    TSERVER_BACKUP: `127.0.0.1:${tserver.backupPort}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${confserv.port}`,
    LOG_LEVEL: 'silent',
    // Every simulated browser logs in from the loopback interface: never lock that address out.
    LOGIN_ADDRESS_FAILURE_LIMIT: '1000000',
    LOGIN_FAILURE_LIMIT: '1000000',
  });
  const app: NestExpressApplication = await createGwsApp(config);
  await app.listen(0, '0.0.0.0');
  await Promise.all([
    app.get<{ connect(): Promise<void> }>(TSERVER_CLIENT).connect(),
    app.get<{ connect(): Promise<void> }>(CONFSERV_CLIENT).connect(),
  ]);
  const publisher = app.get(NotificationPublisher);
  const { port } = app.getHttpServer().address() as AddressInfo;

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    await app.close().catch(() => undefined);
    await Promise.all([tserver.close(), confserv.close()]).catch(() => undefined);
    process.exit(0);
  };

  const driveCalls = async (spec: DriveSpec, dns: readonly string[]): Promise<void> => {
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
    // Deliveries still in flight when the schedule ended arrive within a few ms; give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const handedToCometdAt = report.keys.map((key) => handedToCometd.get(key) ?? -1);
    handedToCometd.clear();
    send({ type: 'driven', ...report, handedToCometdAt, stampCheck: clock.report() });
  };

  process.on('message', (command: unknown) => {
    if (!isEventsCommand(command)) return;
    if (command.type === 'stop') {
      void stop();
    } else if (command.type === 'drive') {
      driveCalls(command.spec, command.targets).catch((error: unknown) =>
        send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
    } else {
      const cpu = process.cpuUsage();
      const { idle, active } = performance.eventLoopUtilization();
      send({
        type: 'usage',
        rssMb: Math.round(process.memoryUsage.rss() / MB),
        peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        eventLoop: { idleMs: idle, activeMs: active },
        sessions: publisher.stats().bayeuxSessions,
      });
    }
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  send({
    type: 'ready',
    port,
    startupMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage.rss() / MB),
    clockSkewMs: wallClockSkewMs(),
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
