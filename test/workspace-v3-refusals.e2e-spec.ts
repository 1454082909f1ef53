import WorkspaceApi from 'genesys-workspace-client-js';
import { GwsRestAgent } from './support/gws-rest-agent';
import { rawBayeux } from './support/raw-bayeux';
import { eventually } from './support/workspace-v3/eventually';
import { rejectionBody, rejectionStatus, V3Agent } from './support/workspace-v3/v3-agent';
import { TEST_CLIENT, V3Platform } from './support/workspace-v3/v3-platform';

/** What a library call rejected with: the HTTP status and the v3 envelope. */
async function refusal(call: Promise<unknown>): Promise<{ status: number | undefined; body: unknown }> {
  try {
    await call;
  } catch (error) {
    return { status: rejectionStatus(error), body: rejectionBody(error) };
  }
  throw new Error('the library call was not refused');
}

describe('Workspace API v3: what is refused', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    // Short-lived tokens, and the v2 lockout after 3 failures: both shared with every test of this file.
    platform = await V3Platform.start({ WORKSPACE_TOKEN_TTL_SECONDS: '2', LOGIN_FAILURE_LIMIT: '3' });
  });
  afterAll(() => platform.close());

  const post = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${platform.baseUrl}${path}`, { method: 'POST', signal: AbortSignal.timeout(5000), ...init });

  it('refuses a bad password, then locks the user out as a v2 login would, for v2 as well', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await platform.requestToken('agent19', 'wrong');
      expect({ status: refused.status, body: refused.body }).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Bad credentials' },
      });
    }
    const locked = await platform.requestToken('agent19', 'password');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: 'invalid_grant' });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const v2 = await new GwsRestAgent(platform.baseUrl, 'agent19').attemptLogin();
    expect(v2.status).toBe(429);
  });

  it('refuses an unknown client, another grant type and a body that is not a form', async () => {
    const wrongSecret = await platform.requestToken('agent18', 'password', { id: TEST_CLIENT.id, secret: 'nope-nope' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toMatchObject({ error: 'invalid_client' });
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic/);

    const basic = `Basic ${Buffer.from(`${TEST_CLIENT.id}:${TEST_CLIENT.secret}`).toString('base64')}`;
    const grant = await post('/auth/v3/oauth/token', {
      headers: { Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect([grant.status, await grant.json()]).toEqual([
      400,
      expect.objectContaining({ error: 'unsupported_grant_type' }),
    ]);
    const json = await post('/auth/v3/oauth/token', {
      headers: { Authorization: basic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: 'agent18', password: 'password' }),
    });
    expect([json.status, await json.json()]).toEqual([400, expect.objectContaining({ error: 'invalid_request' })]);
  });

  it('refuses an expired token: initialize-workspace answers 401 and the library’s initialize() rejects', async () => {
    const token = await platform.token('agent17');
    const initialize = (): Promise<number> =>
      post('/workspace/v3/initialize-workspace', { headers: { Authorization: `Bearer ${token}` } }).then(
        (r) => r.status,
      );
    expect(await initialize()).toBe(200);
    await eventually(initialize, (status) => status === 401, 'the token to expire (2 s)');
    const api = new WorkspaceApi(undefined, platform.baseUrl);
    expect(await refusal(api.initialize({ token }))).toEqual({
      status: 401,
      body: { status: { code: 20, message: expect.stringMatching(/bearer token/) as unknown } },
    });
    expect(
      await refusal(new WorkspaceApi(undefined, platform.baseUrl).initialize({ token: `${token}x` })),
    ).toMatchObject({ status: 401 });
  });

  it('takes no other session cookie: a v2 JSESSIONID is no WORKSPACE_SESSIONID, nor the other way round', async () => {
    const v2 = new GwsRestAgent(platform.baseUrl, 'agent16');
    await v2.login();
    const asV3 = { Cookie: `WORKSPACE_SESSIONID=${v2.sessionId!}` };
    const current = await fetch(`${platform.baseUrl}/workspace/v3/current-session`, { headers: asV3 });
    expect(current.status).toBe(401);
    const handshake = await rawBayeux(
      Number(new URL(platform.baseUrl).port),
      [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }],
      { path: '/workspace/v3/notifications', cookies: { WORKSPACE_SESSIONID: v2.sessionId! } },
    );
    expect(handshake.messages?.[0]).toMatchObject({ successful: false, error: '403::handshake_denied' });

    const v3Session = await platform.workspaceSession('agent16');
    const me = await fetch(`${platform.baseUrl}/api/v2/me`, { headers: { Cookie: `JSESSIONID=${v3Session}` } });
    expect(me.status).toBe(401);
    const ok = await fetch(`${platform.baseUrl}/workspace/v3/current-session`, {
      headers: { Cookie: `WORKSPACE_SESSIONID=${v3Session}` },
    });
    expect(ok.status).toBe(200);
  });

  it('keeps each user to their own calls: another agent’s call id is not found, its events reach no one else', async () => {
    const owner = await V3Agent.initialize(platform, 'agent12');
    const other = await V3Agent.initialize(platform, 'agent13');
    await owner.activateAndReady();
    await other.activateAndReady();
    const { callUuid, connId } = await platform.injectCall({ ani: '+15550012', destination: '5012' });
    await owner.nextCall('Ringing', callUuid);

    expect(await refusal(other.api.voice.answerCall(callUuid))).toEqual({
      status: 404,
      body: { status: { code: 6, message: `Call ${callUuid} not found` } },
    });
    expect(await refusal(other.api.voice.releaseCall(connId))).toMatchObject({ status: 404 });
    await owner.api.voice.answerCall(callUuid);
    await owner.nextCall('Established', callUuid);
    await owner.api.voice.releaseCall(callUuid);
    await owner.nextCall('Released', callUuid);
    expect(other.calls.all()).toEqual([]);
    await Promise.all([owner.destroy(), other.destroy()]);
  });

  it('refuses an operation the call does not allow, naming v3’s, and what is not served', async () => {
    const agent = await V3Agent.initialize(platform, 'agent14');
    await agent.activateAndReady();
    const { callUuid } = await platform.injectCall({ ani: '+15550014', destination: '5014' });
    await agent.nextCall('Ringing', callUuid);

    expect(await refusal(agent.api.voice.holdCall(callUuid))).toEqual({
      status: 409,
      body: {
        status: {
          code: 2,
          message: expect.stringMatching(
            /^hold is not allowed on call .* \(Ringing\); allowed: answer, release/,
          ) as unknown,
        },
      },
    });
    expect(await refusal(agent.api.voice.clearCall(callUuid))).toMatchObject({ status: 501 });
    expect(await refusal(agent.api.voice.startRecording(callUuid))).toMatchObject({ status: 501 });
    expect(await refusal(agent.api.voice.attachUserData(callUuid, [{ key: 'k', type: 'kvlist', value: [] }]))).toEqual({
      status: 400,
      body: { status: { code: 10, message: expect.stringMatching(/'k' is a kvlist/) as unknown } },
    });
    expect(await refusal(agent.api.voice.notReady('WalkAway'))).toMatchObject({ status: 400 });
    expect(await refusal(agent.api.voice.notReady(undefined, 'Siesta'))).toEqual({
      status: 400,
      body: { status: { code: 10, message: expect.stringMatching(/Unknown not-ready reason 'Siesta'/) as unknown } },
    });

    await agent.api.voice.answerCall(callUuid);
    await agent.nextCall('Established', callUuid);
    await agent.api.voice.releaseCall(callUuid);
    await agent.nextCall('Released', callUuid);
    await agent.destroy();
  });

  it('needs the session cookie and a JSON content type on every other v3 request', async () => {
    expect((await post('/workspace/v3/voice/ready', { headers: { 'Content-Type': 'application/json' } })).status).toBe(
      401,
    );
    const session = await platform.workspaceSession('agent15');
    const form = await post('/workspace/v3/voice/ready', {
      headers: { Cookie: `WORKSPACE_SESSIONID=${session}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
    const media = await fetch(`${platform.baseUrl}/workspace/v3/media/chat/interactions/1/accept`, { method: 'POST' });
    expect([media.status, await media.json()]).toEqual([
      501,
      { status: { code: 6, message: expect.stringMatching(/is not served by open-gws/) as unknown } },
    ]);
  });
});
