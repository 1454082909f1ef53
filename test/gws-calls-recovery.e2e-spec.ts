import { CallAgent } from './support/gws-call-agent';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

describe('GWS calls: recovering state after a reload or a GWS restart', () => {
  let platform: GwsTestPlatform;

  beforeEach(async () => {
    platform = await startGwsTestPlatform();
  });
  afterEach(async () => platform.close());

  it('gives a reloaded browser every current call, as the notifications showed it', async () => {
    const agent = await CallAgent.seat(platform, 'agent1');
    platform.simulators.tserver.injectCall({ ani: '+15550100', destination: agent.dn, userData: { Topic: 'Billing' } });
    const ringing = await agent.nextState('Ringing');
    await agent.act(ringing.call.id, { operationName: 'Answer' });
    const established = await agent.nextState('Established', ringing.call.id);

    const reloaded = new GwsRestAgent(platform.baseUrl, 'agent1');
    await reloaded.login();
    const calls = (await reloaded.get('/api/v2/me/calls?fields=*')).body as unknown as {
      calls: Record<string, unknown>[];
    };
    const { duration, ...shown } = calls.calls[0]!;
    const { duration: notifiedDuration, ...notified } = established.call;
    expect(shown).toEqual(notified);
    expect(Number(duration)).toBeGreaterThanOrEqual(Number(notifiedDuration));
    expect((await reloaded.get('/api/v2/me/calls')).body).toEqual({ statusCode: 0, uris: [established.call.uri] });
    const me = await reloaded.get('/api/v2/me?subresources=calls');
    expect((me.body['user'] as { calls: unknown[] }).calls).toHaveLength(1);
    await agent.leave();
  });

  it('rebuilds calls from T-Server when GWS restarts during a call, and follows them afterwards', async () => {
    const before = await CallAgent.seat(platform, 'agent2');
    platform.simulators.tserver.injectCall({ ani: '+15550200', destination: before.dn, userData: { Topic: 'Claims' } });
    const ringing = await before.nextState('Ringing');
    await before.act(ringing.call.id, { operationName: 'Answer' });
    const live = (await before.nextState('Established', ringing.call.id)).call;
    await before.browser.disconnect().catch(() => undefined);

    await platform.restartGws();

    const after = await CallAgent.seat(platform, 'agent2', { ready: false });
    const recovered = await after.nextState('Established', live.id);
    expect(recovered.call).toMatchObject({
      id: live.id,
      connId: live.connId,
      state: 'Established',
      callType: 'Inbound',
      userData: { Topic: 'Claims' },
      participants: [expect.objectContaining({ phoneNumber: '+15550200' })],
    });
    expect(await after.calls()).toEqual([expect.objectContaining({ id: live.id, state: 'Established' })]);
    expect(platform.simulators.tserver.snapshot().agents.filter((a) => a.dn === after.dn)).toHaveLength(1);

    await after.act(live.id, { operationName: 'Hold' });
    await after.nextState('Held', live.id);
    await after.act(live.id, { operationName: 'Hangup' });
    await after.nextState('Released', live.id);
    expect(await after.calls()).toEqual([]);
    await after.leave();
  });
});
