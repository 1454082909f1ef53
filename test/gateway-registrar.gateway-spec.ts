import Redis from 'ioredis';
import { startRedisServer, waitFor, type TestRedisServer } from '@gws/testing';
import { startGateway, type TestGateway } from './support/gateway/gateway';
import { kamailioRpc } from './support/gateway/probes';
import { startSipWsClient, type SipWsClient } from './support/gateway/sip-ws-client';
import { turnAllocate, turnRestCredential } from './support/gateway/turn-client';

/**
 * The SIP gateway on its own (docs/sip-gateway.md): real Kamailio, rtpengine, coturn and nginx with a private Redis,
 * JsSIP in Node as the browser. What GWS would write (the per-session SIP credential) is written here directly.
 */

const PREFIX = 'gws:';
const CHANNEL = `${PREFIX}dnmap:changes`;
/** The product's target: a device Inactive within 8 s of its browser closing. */
const CLOSE_DETECTION_TARGET_MS = 8_000;

interface Notice {
  readonly dn: string;
  readonly registration: string;
  readonly sipEndpoint?: string;
  readonly source?: string;
  readonly at: number;
}

describe('SIP gateway: Kamailio WebSocket registrar on the Redis DN map, coturn, WSS', () => {
  let redis: TestRedisServer;
  let gateway: TestGateway;
  let client: Redis;
  let subscriber: Redis;
  const notices: Notice[] = [];
  const clients: SipWsClient[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer({ appendOnly: false });
    gateway = await startGateway({ redisUrl: redis.url, prefix: PREFIX, sipServer: '127.0.0.2:5070', wss: true });
    client = new Redis(redis.url);
    subscriber = new Redis(redis.url);
    subscriber.on('message', (_channel: string, message: string) =>
      notices.push({ ...(JSON.parse(message) as Omit<Notice, 'at'>), at: Date.now() }),
    );
    await subscriber.subscribe(CHANNEL);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((sip) => sip.stop()));
    client?.disconnect();
    subscriber?.disconnect();
    await gateway?.stop();
    await redis?.stop();
    if (figures.length > 0) console.log(`gateway figures:\n  ${figures.join('\n  ')}`);
  });

  afterEach(() => {
    const failed = expect.getState().assertionCalls !== expect.getState().numPassingAsserts;
    if (failed) console.log(gateway.logs(60));
  });

  /** What GWS writes at StartContactCenterSession: the DN's SIP password, with the session's lifetime. */
  async function issueCredential(dn: string, password: string, userId = `user-${dn}`): Promise<void> {
    const key = `${PREFIX}{dnmap}:sipcred:${dn}`;
    await client.multi().hset(key, { password, userId }).pexpire(key, 600_000).exec();
  }

  /** A JsSIP client registering `dn`; over Kamailio's plain WebSocket unless `wss` is given. */
  function register(dn: string, password: string, wss?: { url: string; ca: string }): SipWsClient {
    const url = wss?.url ?? gateway.wsUrl;
    const sip = startSipWsClient({ url, dn, password, sipDomain: gateway.sipDomain, ...(wss ? { ca: wss.ca } : {}) });
    clients.push(sip);
    return sip;
  }

  async function notice(dn: string, after: number, what: (notice: Notice) => boolean): Promise<Notice> {
    const find = (): Notice | undefined => notices.find((n) => n.dn === dn && n.at >= after && what(n));
    await waitFor(() => find() !== undefined, 10_000, `a DN-map notice for ${dn}`);
    return find()!;
  }

  const row = (dn: string): Promise<Record<string, string>> => client.hgetall(`${PREFIX}{dnmap}:dn:${dn}`);

  it('registers a DN with the credential GWS issued: the row says registered and a notice says register', async () => {
    await issueCredential('5001', 'pw-5001');
    const since = Date.now();
    const sip = register('5001', 'pw-5001');
    expect(await sip.registration).toEqual({ registered: true });

    const published = await notice('5001', since, (n) => n.registration === 'registered');
    expect(published).toMatchObject({
      dn: '5001',
      registration: 'registered',
      sipEndpoint: `sip:5001@${gateway.sipDomain};transport=ws`,
      source: 'register',
    });
    const written = await row('5001');
    expect(written).toMatchObject({
      dn: '5001',
      registration: 'registered',
      sipEndpoint: `sip:5001@${gateway.sipDomain};transport=ws`,
    });
    expect(written.gatewayAt).toMatch(/^\d+(\.\d+)?$/);
    expect(await client.sismember(`${PREFIX}{dnmap}:all`, '5001')).toBe(1);
    await sip.stop();
  });

  it('answers a wrong password with 401', async () => {
    await issueCredential('5002', 'right');
    expect(await register('5002', 'wrong').registration).toMatchObject({ registered: false, status: 401 });
  });

  it('refuses a DN nobody holds (no credential) with 403', async () => {
    expect(await register('5003', 'anything').registration).toMatchObject({ registered: false, status: 403 });
  });

  it('refuses a DN outside the agent pattern with 403, credential or not', async () => {
    await issueCredential('7001', 'pw-7001');
    expect(await register('7001', 'pw-7001').registration).toMatchObject({ registered: false, status: 403 });
  });

  it('POST /dn/<dn>/unregister removes the registration at once and publishes source kicked', async () => {
    await issueCredential('5004', 'pw-5004');
    expect(await register('5004', 'pw-5004').registration).toEqual({ registered: true });
    const since = Date.now();
    expect(await gateway.kick('5004')).toEqual({ dn: '5004', removed: true });
    expect(await notice('5004', since, (n) => n.source === 'kicked')).toMatchObject({ registration: 'unregistered' });
    expect(await row('5004')).toMatchObject({ registration: 'unregistered' });
    await expect(kamailioRpc(gateway.mgmtUrl, 'ul.lookup', ['location', `5004@${gateway.sipDomain}`])).rejects.toThrow(
      /not found/i,
    );
    expect(await gateway.kick('5004')).toEqual({ dn: '5004', removed: false });
  });

  it('keeps one registration per DN: the newest replaces the older', async () => {
    await issueCredential('5008', 'pw-5008');
    expect(await register('5008', 'pw-5008').registration).toEqual({ registered: true });
    const newer = register('5008', 'pw-5008');
    expect(await newer.registration).toEqual({ registered: true });
    const lookup = (await kamailioRpc(gateway.mgmtUrl, 'ul.lookup', ['location', '5008'])) as { Contacts: unknown[] };
    expect(lookup.Contacts).toHaveLength(1);
    // The newer one's un-REGISTER leaves nothing: the older contact was gone already.
    const since = Date.now();
    await newer.stop();
    expect(await notice('5008', since, (n) => n.source === 'unregister')).toMatchObject({
      registration: 'unregistered',
    });
    await expect(kamailioRpc(gateway.mgmtUrl, 'ul.lookup', ['location', '5008'])).rejects.toThrow(/not found/i);
  });

  it.each([
    ['whose TCP socket is destroyed (a killed browser)', 'terminate', '5005'],
    ['that closes its WebSocket (a closed tab)', 'close', '5006'],
  ] as const)('reports a client %s as unregistered within 8 s', async (what, how, dn) => {
    await issueCredential(dn, `pw-${dn}`);
    const sip = register(dn, `pw-${dn}`);
    expect(await sip.registration).toEqual({ registered: true });
    const closedAt = Date.now();
    sip.kill(how);
    const gone = await notice(dn, closedAt, (n) => n.registration === 'unregistered');
    const delay = gone.at - closedAt;
    figures.push(`client ${what}: unregistered notice after ${delay} ms (source ${gone.source})`);
    expect(['expired', 'ws-closed']).toContain(gone.source);
    expect(delay).toBeLessThan(CLOSE_DETECTION_TARGET_MS);
    expect(await row(dn)).toMatchObject({ registration: 'unregistered' });
  });

  it('registers through nginx WSS too', async () => {
    await issueCredential('5007', 'pw-5007');
    expect(gateway.wssUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/ws$/);
    const since = Date.now();
    const sip = register('5007', 'pw-5007', { url: gateway.wssUrl!, ca: gateway.wssCertPem! });
    expect(await sip.registration).toEqual({ registered: true });
    // Kamailio answers 200 before it writes the row: the notice it publishes after the write is the signal.
    await notice('5007', since, (n) => n.registration === 'registered');
    expect(await row('5007')).toMatchObject({ registration: 'registered' });
  });

  it('coturn allocates a relay for a valid TURN REST credential and answers 401 to a wrong one', async () => {
    const { host, port, secret } = gateway.turn;
    const valid = turnRestCredential(secret, 'agent1');
    const allocated = await turnAllocate(host, port, valid.username, valid.credential);
    expect(allocated).toMatchObject({ ok: true, relayed: { address: '127.0.0.1' } });

    const forged = turnRestCredential('not-the-secret', 'agent1');
    expect(await turnAllocate(host, port, forged.username, forged.credential)).toMatchObject({ ok: false, code: 401 });
    const expired = turnRestCredential(secret, 'agent1', -60);
    expect(await turnAllocate(host, port, expired.username, expired.credential)).toMatchObject({
      ok: false,
      code: 401,
    });
  });
});
