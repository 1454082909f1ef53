import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Message } from 'cometd';
import { startRedisServer, type TestRedisServer } from '@gws/testing';
import { CallAgent } from './support/gws-call-agent';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

const TURN_SECRET = 'turn-shared-secret-for-the-test';
const PREFIX = 'gws:';

interface WebRtcAnswer {
  statusCode: number;
  webrtc: {
    dn: string;
    sip: { wsUri: string; uri: string; authorizationUser: string; password: string; realm: string; expiresAt: string };
    iceServers: { urls: string[]; username: string; credential: string }[];
    iceTransportPolicy: string;
  };
}

function deviceState(message: Message): string | undefined {
  return (message.data as { devices?: { deviceState: string }[] }).devices?.[0]?.deviceState;
}

/**
 * GWS's side of the SIP gateway with a real Redis and no gateway process: the gateway's writes are made here exactly
 * as its config makes them (docs/sip-gateway.md); the whole path with Kamailio is test/gateway-softphone.gateway-spec.ts.
 */
describe('GWS with a WebRTC gateway configured: /me/webrtc and device state from the DN map', () => {
  let redis: TestRedisServer;
  let platform: GwsTestPlatform;
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    client = new Redis(redis.url);
    platform = await startGwsTestPlatform({
      env: {
        REDIS_URL: redis.url,
        GATEWAY_WS_URI: 'wss://127.0.0.1:9443/ws',
        TURN_URIS: 'turn:127.0.0.1:3478?transport=udp',
        TURN_SECRET,
        SESSION_TIMEOUT_SECONDS: '600',
      },
    });
  });

  afterAll(async () => {
    await platform?.close();
    client?.disconnect();
    await redis?.stop();
  });

  it('answers 404 (statusCode 6) before StartContactCenterSession', async () => {
    const rest = new GwsRestAgent(platform.baseUrl, 'agent2');
    await rest.login();
    expect(await rest.get('/api/v2/me/webrtc')).toMatchObject({ status: 404, body: { statusCode: 6 } });
  });

  it('issues the SIP credential the gateway checks, TURN credentials, and follows the registration', async () => {
    const agent = await CallAgent.seat(platform, 'agent1', { ready: false });
    // Nobody registered the softphone yet: T-Server has the DN in service, the device is still Inactive.
    const seated = agent.browser.messages('/v2/me/devices').at(-1)!;
    expect(deviceState(seated)).toBe('Inactive');

    const answer = await agent.rest.get('/api/v2/me/webrtc');
    expect(answer.status).toBe(200);
    const { webrtc } = answer.body as unknown as WebRtcAnswer;
    expect(webrtc).toMatchObject({
      dn: '5001',
      sip: {
        wsUri: 'wss://127.0.0.1:9443/ws',
        uri: 'sip:5001@gw.open-gws.test',
        authorizationUser: '5001',
        realm: 'gw.open-gws.test',
      },
      iceTransportPolicy: 'all',
    });
    const credentialKey = `${PREFIX}{dnmap}:sipcred:5001`;
    expect(await client.hget(credentialKey, 'password')).toBe(webrtc.sip.password);
    expect(webrtc.sip.password.length).toBeGreaterThanOrEqual(24);
    expect(await client.pttl(credentialKey)).toBeGreaterThan(590_000);
    const [ice] = webrtc.iceServers;
    expect(ice?.urls).toEqual(['turn:127.0.0.1:3478?transport=udp']);
    expect(ice?.credential).toBe(createHmac('sha1', TURN_SECRET).update(ice!.username).digest('base64'));
    expect(Number(ice!.username.split(':')[0]) * 1000).toBeGreaterThan(Date.now() + 3_500_000);
    // Fetched again (a refresh, a second browser): the same password, alive longer.
    const again = (await agent.rest.get('/api/v2/me/webrtc')).body as unknown as WebRtcAnswer;
    expect(again.webrtc.sip.password).toBe(webrtc.sip.password);

    // What the gateway does on a REGISTER, then on an unREGISTER (its config: endpoint columns, then a notice).
    const gatewayWrites = async (registration: string, source: string): Promise<void> => {
      await client.hset(`${PREFIX}{dnmap}:dn:5001`, 'registration', registration, 'sipEndpoint', 'sip:5001@gw');
      await client.publish(`${PREFIX}dnmap:changes`, JSON.stringify({ dn: '5001', registration, source }));
    };
    await gatewayWrites('registered', 'register');
    await agent.browser.nextMessage('/v2/me/devices', (m) => deviceState(m) === 'Active');
    const devices = await agent.rest.get('/api/v2/me/devices?fields=*');
    expect(devices.body).toMatchObject({ devices: [{ phoneNumber: '5001', deviceState: 'Active' }] });
    await gatewayWrites('unregistered', 'expired');
    await agent.browser.nextMessage('/v2/me/devices', (m) => deviceState(m) === 'Inactive');

    // The session ends: the credential goes with it, so the gateway refuses the next REGISTER.
    await agent.rest.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    expect(await client.exists(credentialKey)).toBe(0);
  });
});
