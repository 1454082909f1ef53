/**
 * The GWS side of `bench/events.bench.ts`, run as a child process (forked with IPC). A GWS node listening on
 * 0.0.0.0:<free port> (GWS compiled with swc, LOG_LEVEL=silent), connected as test/support/gws-test-platform.ts
 * connects it (GWS_EMBEDDED=false) to the T-Server and Configuration Server simulators of the simulator child
 * (`events-sim-server.ts`), whose ports are the arguments: <T-Server primary> <T-Server backup> <Configuration
 * Server>. Nothing but GWS runs here, so this process's CPU, memory and event-loop figures are GWS's.
 *
 * It wraps `CometdGateway.deliver` (read only) to note when each CallStateChangeMessage is handed to
 * cometd-nodejs-server; on `handed` it answers those times for the keys asked and forgets them. Nothing is written
 * to stdout.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { createGwsApp as CreateGwsApp } from '../../apps/gws/src/bootstrap/create-gws-app';
import type { loadGwsConfig as LoadGwsConfig } from '../../apps/gws/src/config/gws-config';
import type { NotificationPublisher as NotificationPublisherClass } from '../../apps/gws/src/notifications';
import { processUsage } from './events-usage';
import { wallClockMs, wallClockSkewMs } from './events-clock';
import { isEventsCommand, type EventsServerMessage } from './events-protocol';
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

async function main(): Promise<void> {
  const [primary, backup, confservPort] = process.argv.slice(2).map(Number);
  if (primary === undefined || backup === undefined || confservPort === undefined)
    throw new Error('usage: events-bench-server <T-Server primary port> <T-Server backup port> <ConfServ port>');
  const started = performance.now();
  const config = loadGwsConfig({
    GWS_HOST: '0.0.0.0',
    GWS_PORT: '0',
    GWS_EMBEDDED: 'false',
    TSERVER_PRIMARY: `127.0.0.1:${primary}`,
    TSERVER_BACKUP: `127.0.0.1:${backup}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${confservPort}`,
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
    process.exit(0);
  };

  process.on('message', (command: unknown) => {
    if (!isEventsCommand(command)) return;
    if (command.type === 'stop') {
      void stop();
    } else if (command.type === 'handed') {
      const at = command.keys.map((key) => handedToCometd.get(key) ?? -1);
      handedToCometd.clear();
      send({ type: 'handed', at });
    } else if (command.type === 'usage') {
      send(processUsage(publisher.stats().bayeuxSessions, command.settle === true));
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
