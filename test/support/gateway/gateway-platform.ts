import { freeLoopbackPort, startRedisServer, type TestRedisServer } from '@gws/testing';
import { startGwsTestPlatform, type GwsTestPlatform } from '../gws-test-platform';
import { startGateway, type TestGateway } from './gateway';

/** Chromium on loopback only: without this flag it gathers no ICE candidate and never answers (sip-gateway notes). */
export const GATEWAY_BROWSER_ARGS = ['--allow-loopback-in-peer-connection', '--ignore-certificate-errors'];

/** Everything a softphone in a browser needs, wired together on loopback (docs/sip-gateway.md, "Tests"). */
export interface GatewayPlatform {
  readonly redis: TestRedisServer;
  /** Kamailio, rtpengine, coturn and nginx (WSS). */
  readonly gateway: TestGateway;
  /** GWS with the gateway settings, and both simulators, the T-Server one with its SIP side toward Kamailio. */
  readonly platform: GwsTestPlatform;
  /** The T-Server simulator's control API (`/calls`, `/sip/legs`). */
  readonly controlUrl: string;
  readonly prefix: string;
  /** Stops all of it, GWS first. */
  close(): Promise<void>;
}

export async function startGatewayPlatform(prefix = 'gws:'): Promise<GatewayPlatform> {
  const redis = await startRedisServer({ appendOnly: false });
  const simulatorSipPort = await freeLoopbackPort();
  let gateway: TestGateway | undefined;
  try {
    gateway = await startGateway({
      redisUrl: redis.url,
      prefix,
      sipServer: `127.0.0.2:${simulatorSipPort}`,
      wss: true,
    });
    const controlPort = await freeLoopbackPort();
    const platform = await startGwsTestPlatform({
      env: {
        REDIS_URL: redis.url,
        REDIS_PREFIX: prefix,
        GATEWAY_WS_URI: gateway.wssUrl!,
        GATEWAY_SIP_DOMAIN: gateway.sipDomain,
        GATEWAY_CONTROL_URL: gateway.mgmtUrl,
        TURN_URIS: gateway.turn.urls.join(','),
        TURN_SECRET: gateway.turn.secret,
      },
      tserverSip: {
        listen: { host: '127.0.0.2', port: simulatorSipPort },
        gateway: gateway.sip,
        domain: gateway.sipDomain,
      },
      tserverControlPort: controlPort,
    });
    const started = gateway;
    return {
      redis,
      gateway: started,
      platform,
      controlUrl: `http://127.0.0.1:${controlPort}`,
      prefix,
      close: async () => {
        await platform.close();
        await started.stop();
        await redis.stop();
      },
    };
  } catch (error) {
    await gateway?.stop();
    await redis.stop();
    throw error;
  }
}
