import { GwsRestAgent } from './support/gws-rest-agent';
import { RawBrowser } from './support/workspace-v3/raw-browser';
import { V3Agent } from './support/workspace-v3/v3-agent';
import { V3Platform } from './support/workspace-v3/v3-platform';

interface V2Call {
  readonly id: string;
  readonly state: string;
  readonly capabilities: string[];
  readonly userData?: Record<string, unknown>;
}

const callOf = (data: Record<string, unknown>): V2Call => data['call'] as V2Call;
const userStateOf = (data: Record<string, unknown>): string | undefined =>
  (data['devices'] as { userState: { state: string } }[] | undefined)?.[0]?.userState.state;

describe('GWS API v2 and Workspace API v3 at once, one user in two browsers', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    platform = await V3Platform.start();
  });
  afterAll(() => platform.close());

  it('shows the same events to each browser in its own shape, whichever surface acts', async () => {
    const rest = new GwsRestAgent(platform.baseUrl, 'agent9');
    await rest.login();
    const v2 = await v2Browser(rest);
    expect((await rest.startContactCenterSession()).body).toEqual({ statusCode: 0 });
    await v2.next('/v2/me/devices', (data) => userStateOf(data) === 'NotReady', 'logged in');

    // The v3 browser joins the contact-center session v2 started (the library's default activation).
    const v3 = await V3Agent.initialize(platform, 'agent9');
    expect(v3.api.user.activeSession?.dn).toMatchObject({ number: '5009', agentState: 'NotReady' });
    await v3.api.activateChannels();
    await v3.nextDn((dn) => dn.agentState === 'NotReady', 'NotReady on joining');

    await v3.api.voice.ready();
    await v3.nextDn((dn) => dn.agentState === 'Ready', 'Ready');
    await v2.next('/v2/me/devices', (data) => userStateOf(data) === 'Ready', 'Ready set from v3');
    await v2.next('/v2/me/channels', () => true, 'ChannelStateChangeMessageV2');

    const { callUuid } = await platform.injectCall({ ani: '+15550099', destination: '5009', userData: { Tier: 2 } });
    const v2Ringing = callOf(
      (await v2.next('/v2/me/calls', (data) => callOf(data).state === 'Ringing', 'Ringing')).data,
    );
    const v3Ringing = await v3.nextCall('Ringing', callUuid);
    expect(v2Ringing).toMatchObject({ id: callUuid, userData: { Tier: 2 } });
    expect(v2Ringing.capabilities).toEqual(expect.arrayContaining(['Answer', 'Hangup', 'AttachUserData']));
    expect(v3Ringing.userData).toEqual([{ key: 'Tier', type: 'int', value: 2 }]);
    expect(v3Ringing.capabilities).toEqual(expect.arrayContaining(['answer', 'release', 'attach-user-data']));

    await v3.api.voice.answerCall(callUuid);
    await v3.nextCall('Established', callUuid);
    await v2.next('/v2/me/calls', (data) => callOf(data).state === 'Established', 'Established, answered from v3');

    expect((await rest.post(`/api/v2/me/calls/${callUuid}`, { operationName: 'Hangup' })).body).toEqual({
      statusCode: 0,
    });
    await v2.next('/v2/me/calls', (data) => callOf(data).state === 'Released', 'Released');
    await v3.nextCall('Released', callUuid);

    await v3.destroy();
    await v2.close();
  });

  it('reports a refused operation to v3 as EventError and to v2 as ErrorMessage', async () => {
    const rest = new GwsRestAgent(platform.baseUrl, 'agent10');
    await rest.login();
    const v2 = await v2Browser(rest);
    const v3 = await V3Agent.initialize(platform, 'agent10');
    await v3.activateAndReady();
    // The library only logs EventError: a raw browser on a v3 session of the same user shows what it carries.
    const raw = await RawBrowser.open(port(), {
      path: '/workspace/v3/notifications',
      cookies: { WORKSPACE_SESSIONID: await platform.workspaceSession('agent10') },
      subscriptions: ['/workspace/v3/voice'],
    });

    await v3.api.voice.ready(); // already Ready: T-Server refuses with 43
    const v3Error = await raw.next('/workspace/v3/voice', (data) => data['messageType'] === 'EventError', 'EventError');
    expect(v3Error.data).toEqual({
      messageType: 'EventError',
      error: { errorCode: 43, errorMessage: expect.stringMatching(/already Ready/) as unknown },
      operationName: 'ready',
    });
    const v2Error = await v2.next('/v2/me/channels', (data) => data['messageType'] === 'ErrorMessage', 'ErrorMessage');
    expect(v2Error.data).toMatchObject({ errorCode: 43, operationName: 'Ready' });

    await raw.close();
    await v3.destroy();
    await v2.close();
  });

  const port = (): number => Number(new URL(platform.baseUrl).port);
  const v2Browser = (rest: GwsRestAgent): Promise<RawBrowser> =>
    RawBrowser.open(port(), {
      path: '/api/v2/notifications',
      cookies: { JSESSIONID: rest.sessionId! },
      subscriptions: ['/v2/me/*'],
    });
});
