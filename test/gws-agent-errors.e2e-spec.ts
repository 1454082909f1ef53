import type { Message } from 'cometd';
import type { SessionStore } from '@gws/stores';
import { SESSION_STORE } from '../apps/gws/src/sessions/session.service';
import { PushSessionKeeper } from '../apps/gws/src/sessions/push-session-keeper';
import { CometdReplyError, CometdTestClient } from './support/cometd-test-client';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

interface DeviceData {
  id: string;
  deviceState: string;
  userState: { state: string };
}

const firstDevice = (message: Message): DeviceData => (message.data as { devices: DeviceData[] }).devices[0]!;
/** Pushed DeviceStateChangeMessages only (a client's own publish reply is recorded on the channel too). */
const deviceMessages = (browser: CometdTestClient): Message[] =>
  browser
    .messages('/v2/me/devices')
    .filter((m) => (m.data as { messageType?: string } | undefined)?.messageType === 'DeviceStateChangeMessage');

/** Every refusal of issue 5 gets the documented answer, and leaves the agent's state as it was. */
describe('GWS agent side: refusals and failures', () => {
  let platform: GwsTestPlatform;
  const browsers: CometdTestClient[] = [];

  beforeAll(async () => {
    platform = await startGwsTestPlatform({ env: { BODY_LIMIT: '2kb' } });
  });
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.disconnect().catch(() => undefined)));
    await platform.close();
  });

  async function seated(
    userName: string,
  ): Promise<{ agent: GwsRestAgent; browser: CometdTestClient; device: DeviceData }> {
    const agent = new GwsRestAgent(platform.baseUrl, userName);
    await agent.login();
    const browser = new CometdTestClient({ port: platform.port, cookies: { JSESSIONID: agent.sessionId! } });
    browsers.push(browser);
    await browser.handshake();
    await browser.connected();
    await agent.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    const message = await browser.nextMessage('/v2/me/devices', (m) => firstDevice(m).userState.state === 'NotReady');
    return { agent, browser, device: firstDevice(message) };
  }

  it('refuses a wrong password and a disabled person alike, without saying which', async () => {
    for (const [user, password] of [
      ['agent2', 'wrong'],
      ['agent_disabled', 'password'],
      ['nobody', 'password'],
    ] as const) {
      const answer = await new GwsRestAgent(platform.baseUrl, user, password).request('GET', '/api/v2/me', undefined, {
        basic: true,
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        statusCode: 20,
        statusMessage: 'Access denied: send valid credentials (HTTP Basic) or a live session cookie',
      });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('locks a user out after repeated failures, even with the right password, and says for how long', async () => {
    const guess = new GwsRestAgent(platform.baseUrl, 'agent19', 'guess');
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await guess.request('GET', '/api/v2/me', undefined, { basic: true })).status).toBe(401);
    }
    const right = await new GwsRestAgent(platform.baseUrl, 'agent19').request('GET', '/api/v2/me', undefined, {
      basic: true,
    });
    expect(right.status).toBe(429);
    expect(right.body['statusCode']).toBe(20);
    expect(right.body['statusMessage']).toMatch(/too many failed logins; try again in \d+ s/);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses state changes without the CSRF token, and after logout the old cookie is worthless', async () => {
    const { agent, browser } = await seated('agent4');
    const noToken = await agent.post('/api/v2/me/channels/voice', { operationName: 'Ready' }, { csrf: false });
    expect(noToken).toMatchObject({
      status: 403,
      body: { statusCode: 3, statusMessage: 'Missing or invalid Csrf token' },
    });
    const wrongToken = await agent.request('POST', '/api/v2/me/channels/voice', '{"operationName":"Ready"}', {
      csrf: false,
    });
    expect(wrongToken.status).toBe(403);
    expect(deviceMessages(browser).every((m) => firstDevice(m).userState.state !== 'Ready')).toBe(true);

    const oldCookie = agent.sessionId!;
    await agent.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    const reuse = new GwsRestAgent(platform.baseUrl, 'agent4');
    reuse.sessionId = oldCookie;
    expect((await reuse.get('/api/v2/me')).status).toBe(401);
    const replayed = new CometdTestClient({ port: platform.port, cookies: { JSESSIONID: oldCookie } });
    await expect(replayed.handshake()).rejects.toBeInstanceOf(CometdReplyError);
  });

  it('answers bad bodies with statusCode 1 or 10 and the reason, changing nothing', async () => {
    const { agent, browser, device } = await seated('agent5');
    const pushedBefore = deviceMessages(browser).length;
    const cases: [unknown, number, RegExp][] = [
      [
        { operationName: 'Dance' },
        10,
        /Unknown operationName "Dance".*allowed: Ready, NotReady, AfterCallWork, AuxWork, Break, Lunch, Training/,
      ],
      [{}, 1, /Missing required parameter 'operationName'/],
      [{ operationName: 'NotReady', reasonCode: 'Nap' }, 10, /Unknown not-ready reason 'Nap'; allowed: Break \(100\)/],
      [{ operationName: 'Ready', colour: 'blue' }, 10, /Unknown parameter 'colour' for Ready/],
      [{ operationName: 'AfterCallWork', wrapUpTime: 'soon' }, 10, /Invalid parameter 'wrapUpTime'/],
    ];
    for (const [body, statusCode, message] of cases) {
      const answer = await agent.post('/api/v2/me/channels/voice', body);
      expect(answer.status).toBe(400);
      expect(answer.body['statusCode']).toBe(statusCode);
      expect(answer.body['statusMessage']).toMatch(message);
      expect(Object.keys(answer.body).sort()).toEqual(['statusCode', 'statusMessage']);
    }
    const forward = await agent.post(`/api/v2/me/devices/${device.id}`, { operationName: 'ForwardCallsOn' });
    expect(forward.body).toEqual({
      statusCode: 1,
      statusMessage: "Missing required parameter 'destination' for ForwardCallsOn",
    });
    const malformed = await agent.postRaw('/api/v2/me/channels/voice', '{"operationName":');
    expect(malformed.status).toBe(400);
    expect(malformed.body['statusCode']).toBe(10);
    expect(malformed.body['statusMessage']).toMatch(/^Malformed JSON body/);
    const oversized = await agent.postRaw(
      '/api/v2/me/channels/voice',
      JSON.stringify({ operationName: 'Ready', padding: 'x'.repeat(4096) }),
    );
    expect(oversized).toMatchObject({
      status: 413,
      body: { statusCode: 10, statusMessage: 'Request body is too large' },
    });

    const after = await agent.get('/api/v2/me/devices?fields=*');
    expect((after.body as unknown as { devices: DeviceData[] }).devices[0]!.userState.state).toBe('NotReady');
    expect(deviceMessages(browser).length).toBe(pushedBefore);
  });

  it('turns a T-Server refusal into an ErrorMessage on the resource topic', async () => {
    const { agent, browser } = await seated('agent6');
    await agent.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    await browser.nextMessage('/v2/me/devices', (m) => firstDevice(m).userState.state === 'Ready');
    expect((await agent.post('/api/v2/me/channels/voice', { operationName: 'Ready' })).body).toEqual({ statusCode: 0 });
    const error = await browser.nextMessage(
      '/v2/me/channels',
      (m) => (m.data as { messageType: string }).messageType === 'ErrorMessage',
    );
    const { errorMessage, ...rest } = error.data as { errorMessage: string };
    expect(rest).toEqual({
      messageType: 'ErrorMessage',
      errorCode: 43,
      operationName: 'Ready',
      resourceUri: `http://127.0.0.1:${platform.port}/api/v2/me/channels/voice`,
    });
    expect(errorMessage).toMatch(/already Ready/);
    expect(Object.keys(error.data as object)).toEqual([
      'messageType',
      'errorCode',
      'errorMessage',
      'operationName',
      'resourceUri',
    ]);
  });

  it('keeps each agent to its own place, devices and messages', async () => {
    const a = await seated('agent7');
    const b = await seated('agent8');
    const steal = new GwsRestAgent(platform.baseUrl, 'agent9');
    await steal.login();
    const taken = await steal.post('/api/v2/me', {
      operationName: 'StartContactCenterSession',
      channels: ['voice'],
      place: 'Place_5007',
    });
    expect(taken).toMatchObject({
      status: 409,
      body: { statusCode: 19, statusMessage: 'Place Place_5007 is in use by another user' },
    });
    const foreignLogin = await steal.post('/api/v2/me', {
      operationName: 'StartContactCenterSession',
      channels: ['voice'],
      loginCode: '1008',
    });
    expect(foreignLogin.body['statusCode']).toBe(5);

    for (const path of [`/api/v2/me/devices/${b.device.id}`]) {
      expect((await a.agent.get(path)).body).toEqual({
        statusCode: 6,
        statusMessage: `Device ${b.device.id} not found`,
      });
      const acting = await a.agent.post(path, { operationName: 'DoNotDisturbOn' });
      expect(acting).toMatchObject({ status: 404, body: { statusCode: 6 } });
    }
    await expect(a.browser.subscribe('/v2/users')).rejects.toBeInstanceOf(CometdReplyError);
    await expect(a.browser.publish('/v2/me/devices', { hijack: true })).rejects.toBeInstanceOf(CometdReplyError);

    await b.agent.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    await b.browser.nextMessage('/v2/me/devices', (m) => firstDevice(m).userState.state === 'Ready');
    expect(new Set(deviceMessages(a.browser).map((m) => firstDevice(m).id))).toEqual(new Set([a.device.id]));
    expect(platform.simulators.tserver.snapshot().dns.find((dn) => dn.number === '5008')).toMatchObject({ dnd: false });
  });

  it('refuses agent operations before StartContactCenterSession with statusCode 2', async () => {
    const agent = new GwsRestAgent(platform.baseUrl, 'agent10');
    await agent.login();
    const answer = await agent.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    expect(answer).toMatchObject({ status: 409, body: { statusCode: 2 } });
    expect(answer.body['statusMessage']).toMatch(/StartContactCenterSession first/);
  });

  it('shows devices Inactive while the T-Server link is down and Active again after re-sync', async () => {
    const { agent, browser } = await seated('agent12');
    await agent.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    await browser.nextMessage('/v2/me/devices', (m) => firstDevice(m).userState.state === 'Ready');
    const link = platform.simulators.tserver.clients().find((client) => client.registeredDns.includes('5012'))!;
    platform.simulators.tserver.fault(link.id, 'drop');
    const inactive = await browser.nextMessage(
      '/v2/me/devices',
      (m) => firstDevice(m).deviceState === 'Inactive',
      5000,
    );
    expect((inactive.data as { devices: { capabilities: string[] }[] }).devices[0]!.capabilities).toEqual([]);
    // The Ready snapshot before the drop was consumed above, so this can only be the one after re-sync.
    await browser.nextMessage(
      '/v2/me/devices',
      (m) => firstDevice(m).deviceState === 'Active' && firstDevice(m).userState.state === 'Ready',
      5000,
    );
    const states = browser
      .messages('/v2/me/devices')
      .map((m) => `${firstDevice(m).deviceState}/${firstDevice(m).userState.state}`);
    expect(states.slice(-3)).toEqual(['Active/Ready', 'Inactive/Ready', 'Active/Ready']);
  });

  it('ends the push channel of an HTTP session that expired, and keeps a live one alive', async () => {
    const { agent, browser } = await seated('agent14');
    const keeper = platform.app.get(PushSessionKeeper);
    const store = platform.app.get<SessionStore>(SESSION_STORE);
    expect(await keeper.check()).toBe(0);
    const before = await store.get(agent.sessionId!);
    expect(before).toBeDefined();
    await store.delete(agent.sessionId!);
    expect(await keeper.check()).toBe(1);
    await browser.disconnectedByServer(5000);
    expect((await agent.get('/api/v2/me')).status).toBe(401);
  });
});
