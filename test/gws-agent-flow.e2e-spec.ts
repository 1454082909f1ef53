import type { Message } from 'cometd';
import { CometdTestClient } from './support/cometd-test-client';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

interface DeviceData {
  id: string;
  deviceState: string;
  userState: { id: string; state: string; workMode?: string; reason?: string; displayName: string };
  doNotDisturb: string;
  forwardTo?: string;
  capabilities: string[];
  phoneNumber: string;
}

const devicesOf = (message: Message): DeviceData[] => (message.data as { devices: DeviceData[] }).devices;

/** The full agent flow of issue 5, each state checked on CometD and by a following GET. */
describe('GWS agent flow (REST + official CometD client + simulators)', () => {
  let platform: GwsTestPlatform;
  let agent: GwsRestAgent;
  let browser: CometdTestClient;

  beforeAll(async () => {
    platform = await startGwsTestPlatform();
  });
  afterAll(async () => platform.close());

  afterEach(async () => browser?.disconnect().catch(() => undefined));

  /** Next DeviceStateChangeMessage whose first device matches `predicate`. */
  function nextDevice(predicate: (device: DeviceData) => boolean): Promise<DeviceData> {
    return browser
      .nextMessage(
        '/v2/me/devices',
        (message) => {
          const data = message.data as { messageType?: string };
          return data.messageType === 'DeviceStateChangeMessage' && predicate(devicesOf(message)[0]!);
        },
        5000,
      )
      .then((message) => devicesOf(message)[0]!);
  }

  async function getDevice(): Promise<DeviceData> {
    const answer = await agent.get('/api/v2/me/devices?fields=*');
    expect(answer.status).toBe(200);
    return (answer.body as unknown as { devices: DeviceData[] }).devices[0]!;
  }

  it('logs in, starts the session and walks through every agent state, DND and forwarding', async () => {
    agent = new GwsRestAgent(platform.baseUrl, 'agent1');
    const me = await agent.login();
    expect(me.headers.get('x-csrf-header')).toBe('X-CSRF-TOKEN');
    expect(agent.csrfToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(me.body).toMatchObject({
      statusCode: 0,
      user: { userName: 'agent1', firstName: 'Agent', lastName: 'One', roles: ['ROLE_AGENT'], enabled: true },
    });

    const withSubresources = await agent.get('/api/v2/me?subresources=*');
    expect(withSubresources.body['user']).toMatchObject({ devices: [], channels: [], calls: [] });

    browser = new CometdTestClient({ port: platform.port, cookies: { JSESSIONID: agent.sessionId! } });
    await browser.handshake();
    await browser.subscribe('/v2/me/*');
    await browser.connected();

    const start = await agent.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    expect(start).toMatchObject({ status: 200, body: { statusCode: 0 } });
    const loggedIn = await nextDevice((device) => device.userState.state === 'NotReady');
    expect(loggedIn).toMatchObject({
      deviceState: 'Active',
      phoneNumber: '5001',
      doNotDisturb: 'Off',
      capabilities: ['DoNotDisturbOn', 'ForwardCallsOn'],
      userState: { id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6', displayName: 'Not Ready' },
    });
    expect(await getDevice()).toEqual(loggedIn);

    const steps: { body: Record<string, unknown>; expect: Partial<DeviceData['userState']> }[] = [
      { body: { operationName: 'Ready' }, expect: { state: 'Ready', id: '9430250E-0A1B-421F-B372-F29E69366DED' } },
      { body: { operationName: 'NotReady', reasonCode: 'Lunch' }, expect: { state: 'NotReady', reason: 'Lunch' } },
      {
        body: { operationName: 'AfterCallWork' },
        expect: { state: 'NotReady', workMode: 'AfterCallWork', id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF' },
      },
      {
        body: { operationName: 'AuxWork' },
        expect: { state: 'NotReady', workMode: 'AuxWork', id: '2B36138D-C564-4562-A8CB-3C32D564F296' },
      },
      { body: { operationName: 'Break' }, expect: { state: 'NotReady', reason: 'Break', displayName: 'Break' } },
    ];
    for (const step of steps) {
      const answer = await agent.post('/api/v2/me/channels/voice', step.body);
      expect(answer.body).toEqual({ statusCode: 0 });
      const device = await nextDevice((candidate) => matches(candidate.userState, step.expect));
      expect(device.userState).toMatchObject(step.expect);
      expect((await getDevice()).userState).toEqual(device.userState);
      const channel = await browser.nextMessage('/v2/me/channels', (message) =>
        matches(
          (message.data as { channels: { userState: DeviceData['userState'] }[] }).channels[0]!.userState,
          step.expect,
        ),
      );
      expect(channel.data).toMatchObject({
        messageType: 'ChannelStateChangeMessageV2',
        channels: [{ channel: 'voice' }],
      });
    }

    const deviceId = loggedIn.id;
    expect((await agent.post(`/api/v2/me/devices/${deviceId}`, { operationName: 'DoNotDisturbOn' })).body).toEqual({
      statusCode: 0,
    });
    const dnd = await nextDevice((device) => device.doNotDisturb === 'On');
    expect(dnd.capabilities).toEqual(['DoNotDisturbOff', 'ForwardCallsOn']);
    expect((await getDevice()).doNotDisturb).toBe('On');
    await agent.post(`/api/v2/me/devices/${deviceId}`, { operationName: 'DoNotDisturbOff' });
    await nextDevice((device) => device.doNotDisturb === 'Off');

    await agent.post(`/api/v2/me/devices/${deviceId}`, { operationName: 'ForwardCallsOn', destination: '5002' });
    const forwarded = await nextDevice((device) => device.forwardTo === '5002');
    expect(forwarded.capabilities).toEqual(['DoNotDisturbOn', 'ForwardCallsOff']);
    expect((await getDevice()).forwardTo).toBe('5002');
    await agent.post(`/api/v2/me/devices/${deviceId}`, { operationName: 'ForwardCallsOff' });
    const plain = await nextDevice((device) => device.forwardTo === undefined && device.doNotDisturb === 'Off');
    expect(plain.capabilities).toEqual(['DoNotDisturbOn', 'ForwardCallsOn']);

    const end = await agent.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    expect(end.body).toEqual({ statusCode: 0 });
    expect(end.headers.get('set-cookie')).toMatch(/JSESSIONID=;/);
    const loggedOut = await nextDevice((device) => device.userState.state === 'LoggedOut');
    expect(loggedOut.userState.displayName).toBe('Logged Out');
    await browser.disconnectedByServer(5000);
    const after = await agent.get('/api/v2/me');
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ statusCode: 20 });
    expect(platform.simulators.tserver.snapshot().agents).toEqual([]);
  });

  it('gives the second browser of the same user the same session and notifications', async () => {
    agent = new GwsRestAgent(platform.baseUrl, 'agent3');
    await agent.login();
    const second = new GwsRestAgent(platform.baseUrl, 'agent3');
    await second.login();
    browser = new CometdTestClient({ port: platform.port, cookies: { JSESSIONID: agent.sessionId! } });
    const other = new CometdTestClient({ port: platform.port, cookies: { JSESSIONID: second.sessionId! } });
    try {
      await Promise.all([browser.handshake(), other.handshake()]);
      await Promise.all([browser.connected(), other.connected()]);
      await agent.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
      await nextDevice((device) => device.userState.state === 'NotReady');
      expect(
        (await second.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] })).body,
      ).toEqual({ statusCode: 0 });
      await second.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
      const onFirst = await nextDevice((device) => device.userState.state === 'Ready');
      const onSecond = await other.nextMessage(
        '/v2/me/devices',
        (message) => devicesOf(message)[0]?.userState.state === 'Ready',
        5000,
      );
      expect(devicesOf(onSecond)[0]).toEqual(onFirst);
      await agent.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    } finally {
      await other.disconnect().catch(() => undefined);
    }
  });
});

function matches(actual: object, expected: object): boolean {
  return Object.entries(expected).every(([key, value]) => (actual as Record<string, unknown>)[key] === value);
}
