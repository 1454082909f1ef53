import type { Message } from 'cometd';
import { useCallPlatform, type CallAgent } from './support/gws-call-agent';

/**
 * What happens to calls while GWS's T-Server link is down: a switchover drops the link, and whatever the switch does
 * before GWS has re-registered its DNs reaches GWS only through re-sync (EventRegistered Extensions `Calls`).
 */
/** Each wait inside is bounded (5 s); the whole test, seating included, gets this long. */
const TEST_TIMEOUT_MS = 15_000;

describe('GWS calls across a T-Server link loss', () => {
  const fixture = useCallPlatform({ perTest: true });

  it(
    'announces a call that began ringing while the link was down, and the agent can answer it',
    async () => {
      const agent = await fixture.seat('agent4');
      const sim = fixture.platform.simulators.tserver;
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
      const agent = await fixture.seat('agent5');
      const sim = fixture.platform.simulators.tserver;
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

  describe('voice channel messages', () => {
    const channelMessages = (agent: CallAgent): Message[] => agent.browser.messages('/v2/me/channels');

    /** `state[/workMode]` of the ChannelStateChangeMessageV2 the agent's browser got after the first `from`, in order. */
    function channelStatesAfter(agent: CallAgent, from: number): string[] {
      return channelMessages(agent)
        .slice(from)
        .map(
          (m) => m.data as { messageType?: string; channels?: { userState: { state: string; workMode?: string } }[] },
        )
        .filter((data) => data.messageType === 'ChannelStateChangeMessageV2')
        .map(({ channels }) =>
          [channels![0]!.userState.state, channels![0]!.userState.workMode].filter(Boolean).join('/'),
        );
    }

    /** The next channel message in `state` among those that arrived after the first `from` (older ones never match). */
    function channelAfter(agent: CallAgent, from: number, state: string): Promise<Message> {
      return agent.browser.nextMessage(
        '/v2/me/channels',
        (m) =>
          channelMessages(agent).indexOf(m) >= from &&
          (m.data as { channels?: { userState: { state: string } }[] }).channels?.[0]?.userState.state === state,
        5000,
      );
    }

    function device(agent: CallAgent, deviceState: string, state: string): Promise<Message> {
      return agent.browser.nextMessage(
        '/v2/me/devices',
        (m) => {
          const first = (m.data as { devices?: { deviceState: string; userState: { state: string } }[] }).devices?.[0];
          return first?.deviceState === deviceState && first.userState.state === state;
        },
        5000,
      );
    }

    it(
      'sends none for a link bounce that changed nothing on the channel',
      async () => {
        const agent = await fixture.seat('agent6');
        await channelAfter(agent, 0, 'Ready');
        const before = channelMessages(agent).length;
        const sim = fixture.platform.simulators.tserver;
        const link = sim.clients().find((client) => client.registeredDns.includes(agent.dn))!;

        sim.fault(link.id, 'drop');
        await device(agent, 'Inactive', 'Ready');
        await device(agent, 'Active', 'Ready');
        // A change after the bounce: every channel message the bounce caused was queued before this one.
        await agent.rest.post('/api/v2/me/channels/voice', { operationName: 'NotReady' });
        await channelAfter(agent, before, 'NotReady');

        expect(channelStatesAfter(agent, before)).toEqual(['NotReady']);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'sends one for a change T-Server made while the link was down',
      async () => {
        // agent11 has 10 s of after-call work: hanging up its call makes it NotReady/AfterCallWork on the switch.
        const agent = await fixture.seat('agent11');
        await channelAfter(agent, 0, 'Ready');
        const sim = fixture.platform.simulators.tserver;
        const { connId } = sim.injectCall({ ani: '+15558880004', destination: agent.dn });
        const ringing = await agent.nextState('Ringing');
        await agent.act(ringing.call.id, { operationName: 'Answer' });
        await agent.nextState('Established', ringing.call.id);
        const before = channelMessages(agent).length;

        sim.switchover();
        sim.externalHangup(connId);
        expect(sim.snapshot().agents.find((a) => a.dn === agent.dn)).toMatchObject({ afterCallWork: true });

        await agent.nextState('Released', ringing.call.id);
        const afterCallWork = await channelAfter(agent, before, 'NotReady');
        const marker = channelMessages(agent).indexOf(afterCallWork) + 1;
        // A change after re-sync: every channel message the outage caused was queued before this one.
        await agent.rest.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
        await channelAfter(agent, marker, 'Ready');

        expect(channelStatesAfter(agent, before)).toEqual(['NotReady/AfterCallWork', 'Ready']);
      },
      TEST_TIMEOUT_MS,
    );
  });
});
