/**
 * A GWS node for a benchmark child: GWS compiled with swc (it needs decorator metadata for NestJS injection, which
 * tsx does not emit), listening on 0.0.0.0:<free port> with `LOG_LEVEL=silent`, connected as
 * `test/support/gws-test-platform.ts` connects it (GWS_EMBEDDED=false) to simulators on loopback ports.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { createGwsApp as CreateGwsApp } from '../../apps/gws/src/bootstrap/create-gws-app';
import type { loadGwsConfig as LoadGwsConfig } from '../../apps/gws/src/config/gws-config';
import type * as Notifications from '../../apps/gws/src/notifications';
import type * as PlatformTokens from '../../apps/gws/src/platform/platform.tokens';
import type { SimulatorPorts } from './events-protocol';
import { registerSwcTypeScript } from './login-swc-register';

registerSwcTypeScript();
const load = createRequire(__filename);
const { createGwsApp } = load('../../apps/gws/src/bootstrap/create-gws-app') as { createGwsApp: typeof CreateGwsApp };
const { loadGwsConfig } = load('../../apps/gws/src/config/gws-config') as { loadGwsConfig: typeof LoadGwsConfig };
const { CONFSERV_CLIENT, TSERVER_CLIENT } = load(
  '../../apps/gws/src/platform/platform.tokens',
) as typeof PlatformTokens;

/** GWS's notifications module, as compiled for the benchmark (to read, or wrap, what it pushes). */
export const notifications = load('../../apps/gws/src/notifications') as typeof Notifications;

export interface BenchGws {
  readonly app: NestExpressApplication;
  readonly port: number;
  readonly publisher: Notifications.NotificationPublisher;
  /** Requests GWS has sent to the Configuration Server so far. */
  confservRequests(): number;
}

/** Starts GWS against simulators on 127.0.0.1 and waits until both links are up. */
export async function startBenchGws(simulators: SimulatorPorts): Promise<BenchGws> {
  const config = loadGwsConfig({
    GWS_HOST: '0.0.0.0',
    GWS_PORT: '0',
    GWS_EMBEDDED: 'false',
    TSERVER_PRIMARY: `127.0.0.1:${simulators.tserverPrimary}`,
    TSERVER_BACKUP: `127.0.0.1:${simulators.tserverBackup}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${simulators.confserv}`,
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
  const confserv = app.get<{ readonly requestsSent: number }>(CONFSERV_CLIENT);
  return {
    app,
    port: (app.getHttpServer().address() as AddressInfo).port,
    publisher: app.get(notifications.NotificationPublisher),
    confservRequests: () => confserv.requestsSent,
  };
}
