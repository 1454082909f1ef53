import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createGwsApp } from '../../apps/gws/src/bootstrap/create-gws-app';
import { loadGwsConfig, type GwsConfig } from '../../apps/gws/src/config/gws-config';
import { CONFSERV_CLIENT, TSERVER_CLIENT } from '../../apps/gws/src/platform/platform.tokens';

/** Where the simulators a test or benchmark GWS node talks to listen, on 127.0.0.1. */
export interface LoopbackSimulators {
  readonly tserverPrimary: number;
  readonly tserverBackup: number;
  readonly confserv: number;
}

/**
 * The settings of a GWS node connected to simulators on loopback as to real servers (GWS_EMBEDDED=false), listening
 * on 0.0.0.0:<free port>, silent. `env` overrides any of them.
 */
export function loopbackGwsConfig(simulators: LoopbackSimulators, env: Record<string, string> = {}): GwsConfig {
  return loadGwsConfig({
    GWS_HOST: '0.0.0.0',
    GWS_PORT: '0',
    GWS_EMBEDDED: 'false',
    TSERVER_PRIMARY: `127.0.0.1:${simulators.tserverPrimary}`,
    TSERVER_BACKUP: `127.0.0.1:${simulators.tserverBackup}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${simulators.confserv}`,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/** Starts a GWS node on `config` and resolves once it listens and both platform links are up. */
export async function startGwsNode(config: GwsConfig): Promise<{ app: NestExpressApplication; port: number }> {
  const app = await createGwsApp(config);
  await app.listen(0, '0.0.0.0');
  await Promise.all([
    app.get<{ connect(): Promise<void> }>(TSERVER_CLIENT).connect(),
    app.get<{ connect(): Promise<void> }>(CONFSERV_CLIENT).connect(),
  ]);
  return { app, port: (app.getHttpServer().address() as AddressInfo).port };
}
