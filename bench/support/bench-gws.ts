/**
 * A GWS node for a benchmark child: GWS compiled with swc (it needs decorator metadata for NestJS injection, which
 * tsx does not emit), started as the tests start theirs (`test/support/gws-node.ts`: listening on 0.0.0.0:<free port>,
 * silent, connected to simulators on loopback ports as to real servers).
 */
import { createRequire } from 'node:module';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type * as Notifications from '../../apps/gws/src/notifications';
import type * as PlatformTokens from '../../apps/gws/src/platform/platform.tokens';
import type * as GwsNode from '../../test/support/gws-node';
import type { SimulatorPorts } from './events-protocol';
import { registerSwcTypeScript } from './login-swc-register';

registerSwcTypeScript();
const load = createRequire(__filename);
const { loopbackGwsConfig, startGwsNode } = load('../../test/support/gws-node') as typeof GwsNode;
const { CONFSERV_CLIENT } = load('../../apps/gws/src/platform/platform.tokens') as typeof PlatformTokens;

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
  // Every simulated browser logs in from the loopback interface: never lock that address out.
  const config = loopbackGwsConfig(simulators, {
    LOGIN_ADDRESS_FAILURE_LIMIT: '1000000',
    LOGIN_FAILURE_LIMIT: '1000000',
  });
  const { app, port } = await startGwsNode(config);
  const confserv = app.get<{ readonly requestsSent: number }>(CONFSERV_CLIENT);
  return {
    app,
    port,
    publisher: app.get(notifications.NotificationPublisher),
    confservRequests: () => confserv.requestsSent,
  };
}
