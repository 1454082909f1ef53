import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GwsConfig } from '../../apps/gws/src/config/gws-config';
import { type EmbeddedPlatform, type EmbeddedPlatformOptions } from '../../apps/gws/src/embedded/embedded-platform';
import { loopbackGwsConfig, startGwsNode } from './gws-node';
import { portsOf, startLoopbackSimulators } from './loopback-simulators';

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
  options: {
    env?: Record<string, string>;
    directoryFile?: string;
    tserverSip?: EmbeddedPlatformOptions['tserverSip'];
    tserverControlPort?: number;
  } = {},
): Promise<GwsTestPlatform> {
  const simulators = await startLoopbackSimulators({
    ...(options.directoryFile === undefined ? {} : { directoryFile: options.directoryFile }),
    ...(options.tserverSip === undefined ? {} : { tserverSip: options.tserverSip }),
    ...(options.tserverControlPort === undefined ? {} : { tserverControlPort: options.tserverControlPort }),
  });
  const config = loopbackGwsConfig(portsOf(simulators), options.env);
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
  const { app, port } = await startGwsNode(config);
  return { app, port, baseUrl: `http://127.0.0.1:${port}` };
}
