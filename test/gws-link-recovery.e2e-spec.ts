import { CallAgent } from './support/gws-call-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

/**
 * What happens to calls while GWS's T-Server link is down: a switchover drops the link, and whatever the switch does
 * before GWS has re-registered its DNs reaches GWS only through re-sync (EventRegistered Extensions `Calls`).
 */
/** Each wait inside is bounded (5 s); the whole test, seating included, gets this long. */
const TEST_TIMEOUT_MS = 15_000;

describe('GWS calls across a T-Server link loss', () => {
  let platform: GwsTestPlatform;
  const seated: CallAgent[] = [];

  beforeEach(async () => {
    platform = await startGwsTestPlatform();
  });
  afterEach(async () => {
    await Promise.all(seated.splice(0).map((agent) => agent.leave()));
    await platform.close();
  });

  async function seat(userName: string): Promise<CallAgent> {
    const agent = await CallAgent.seat(platform, userName);
    seated.push(agent);
    return agent;
  }

  it(
    'announces a call that began ringing while the link was down, and the agent can answer it',
    async () => {
      const agent = await seat('agent4');
      const sim = platform.simulators.tserver;
      // In one tick: GWS's link is dropped before it can register anywhere else, so it misses the EventRinging.
      sim.switchover();
      const { connId, callUuid } = sim.injectCall({
        ani: '+15558880001',
        destination: '5004',
        userData: { Topic: 'Outage' },
      });
      expect(sim.snapshot().dns.find((dn) => dn.number === '5004')?.status).toBe('Ringing');

      const ringing = await agent.nextState('Ringing');
      expect(ringing).toMatchObject({
        notificationType: 'StatusChange',
        phoneNumber: '5004',
        call: {
          id: callUuid,
          connId,
          state: 'Ringing',
          callType: 'Inbound',
          userData: { Topic: 'Outage' },
          participants: [expect.objectContaining({ phoneNumber: '+15558880001' })],
        },
      });
      expect(ringing.call.capabilities).toContain('Answer');
      expect(await agent.calls()).toEqual([expect.objectContaining({ id: callUuid, connId, state: 'Ringing' })]);

      expect((await agent.act(callUuid, { operationName: 'Answer' })).body).toEqual({ statusCode: 0 });
      await agent.nextState('Established', callUuid);
      expect(sim.snapshot().calls.find((call) => call.connId === connId)?.parties).toEqual(
        expect.arrayContaining([expect.objectContaining({ dn: '5004', state: 'Established' })]),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'announces first the calls that ended while the link was down, then the ones that began',
    async () => {
      const agent = await seat('agent5');
      const sim = platform.simulators.tserver;
      const first = sim.injectCall({ ani: '+15558880002', destination: '5005' });
      const ringing = await agent.nextState('Ringing');
      expect(ringing.call.connId).toBe(first.connId);
      await agent.act(ringing.call.id, { operationName: 'Answer' });
      await agent.nextState('Established', ringing.call.id);
      const before = agent.callLog().length;

      sim.switchover();
      sim.externalHangup(first.connId);
      const second = sim.injectCall({ ani: '+15558880003', destination: '5005' });

      await agent.nextState('Ringing', second.callUuid);
      const log = agent.callLog().slice(before);
      expect(log.map((m) => `${m.call.state}:${m.call.connId}`)).toEqual([
        `Released:${first.connId}`,
        `Ringing:${second.connId}`,
      ]);
      expect(await agent.calls()).toEqual([expect.objectContaining({ connId: second.connId, state: 'Ringing' })]);
    },
    TEST_TIMEOUT_MS,
  );
});
