import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createGwsApp } from '../../apps/gws/src/bootstrap/create-gws-app';
import { loadGwsConfig, type GwsConfig } from '../../apps/gws/src/config/gws-config';
import { EmbeddedPlatform } from '../../apps/gws/src/embedded/embedded-platform';
import { silentLogger } from '@gws/framed-link';
import { CONFSERV_CLIENT, TSERVER_CLIENT } from '../../apps/gws/src/platform/platform.tokens';

export interface GwsTestPlatform {
  /** The GWS node; replaced by `restartGws`. */
  app: NestExpressApplication;
  readonly simulators: EmbeddedPlatform;
  readonly config: GwsConfig;
  /** GWS HTTP port on every loopback address (CometD test browsers use 127.0.0.N); changes on restart. */
  port: number;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Stops GWS and starts a fresh node (empty memory stores) on the same simulators, which keep their calls. */
  restartGws(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Both simulators on free loopback ports and a GWS node connected to them, listening on 0.0.0.0:<free port>.
 * `env` overrides GWS settings (e.g. `{ LOGIN_FAILURE_LIMIT: '3' }`).
 */
export async function startGwsTestPlatform(
  options: { env?: Record<string, string>; directoryFile?: string } = {},
): Promise<GwsTestPlatform> {
  const simulators = await EmbeddedPlatform.start({
    ...(options.directoryFile === undefined ? {} : { directoryFile: options.directoryFile }),
    host: '127.0.0.1',
    tserverPrimaryPort: 0,
    tserverBackupPort: 0,
    confservPort: 0,
    logger: () => silentLogger,
  });
  const config = loadGwsConfig({
    GWS_HOST: '0.0.0.0',
    GWS_PORT: '0',
    GWS_EMBEDDED: 'false',
    TSERVER_PRIMARY: `127.0.0.1:${simulators.tserver.primaryPort}`,
    TSERVER_BACKUP: `127.0.0.1:${simulators.tserver.backupPort}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${simulators.confserv.port}`,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const first = await startGws(config);
  const platform: GwsTestPlatform = {
    ...first,
    simulators,
    config,
    restartGws: async () => {
      await platform.app.close();
      Object.assign(platform, await startGws(config));
    },
    close: async () => {
      await platform.app.close();
      await simulators.close();
    },
  };
  return platform;
}

async function startGws(config: GwsConfig): Promise<{ app: NestExpressApplication; port: number; baseUrl: string }> {
  const app = await createGwsApp(config);
  await app.listen(0, '0.0.0.0');
  await Promise.all([
    app.get<{ connect(): Promise<void> }>(TSERVER_CLIENT).connect(),
    app.get<{ connect(): Promise<void> }>(CONFSERV_CLIENT).connect(),
  ]);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, port, baseUrl: `http://127.0.0.1:${port}` };
}
