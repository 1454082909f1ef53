/**
 * A GWS node for a benchmark child: GWS compiled with swc (it needs decorator metadata for NestJS injection, which
 * tsx does not emit), started as the tests start theirs (`test/support/gws-node.ts`: listening on 0.0.0.0:<free port>,
 * silent, connected to simulators on loopback ports as to real servers).
 */
import { createRequire } from 'node:module';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type * as Notifications from '../../apps/gws/src/notifications';
import type * as PlatformTokens from '../../apps/gws/src/platform/platform.tokens';
import type { TServerClient } from '@gws/tserver-client';
import type * as GwsNode from '../../test/support/gws-node';
import type { SimulatorPorts } from './events-protocol';
import { registerSwcTypeScript } from './login-swc-register';
import { shareNestModules } from './nest-modules';

registerSwcTypeScript();
const load = createRequire(__filename);

export interface BenchGwsModules {
  /** GWS's notifications module, as compiled for the benchmark (to read, or wrap, what it pushes). */
  readonly notifications: typeof Notifications;
  readonly loopbackGwsConfig: typeof GwsNode.loopbackGwsConfig;
  readonly startGwsNode: typeof GwsNode.startGwsNode;
  /** Starts GWS against simulators on 127.0.0.1 (login limits lifted) and waits until both links are up. */
  startBenchGws(simulators: SimulatorPorts): Promise<BenchGws>;
}

/**
 * GWS for a bench child, loaded once NestJS is shared between the ES module and CommonJS loaders (nest-modules.ts:
 * under tsx each would otherwise hold a copy of its own, and GWS would answer 500 where `npm start` answers 400).
 * Call it before loading anything else that reaches NestJS (the simulators' control servers do).
 */
export async function loadBenchGws(): Promise<BenchGwsModules> {
  await shareNestModules();
  const { loopbackGwsConfig, startGwsNode } = load('../../test/support/gws-node') as typeof GwsNode;
  const { CONFSERV_CLIENT, TSERVER_CLIENT } = load(
    '../../apps/gws/src/platform/platform.tokens',
  ) as typeof PlatformTokens;
  const notifications = load('../../apps/gws/src/notifications') as typeof Notifications;
  return {
    notifications,
    loopbackGwsConfig,
    startGwsNode,
    async startBenchGws(simulators) {
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
        tserver: app.get<TServerClient>(TSERVER_CLIENT),
        confservRequests: () => confserv.requestsSent,
      };
    },
  };
}

export interface BenchGws {
  readonly app: NestExpressApplication;
  readonly port: number;
  readonly publisher: Notifications.NotificationPublisher;
  /** GWS's own T-Server client (to listen to, never to drive). */
  readonly tserver: TServerClient;
  /** Requests GWS has sent to the Configuration Server so far. */
  confservRequests(): number;
}
