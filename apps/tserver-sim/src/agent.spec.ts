import { AgentWorkMode, CallState, ForwardMode, KVList, TErrorCode } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';
import { testDirectory } from './testing/test-directory';

describe('T-Server simulator: agents and DN features', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  it('logs in, goes Ready and NotReady with reasons, and logs out, echoing agent attributes', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    const login = await client.expectReply(
      'RequestAgentLogin',
      { ThisDN: '5001', AgentID: '1001', AgentWorkMode: AgentWorkMode.ManualIn, ThisQueue: '8001' },
      'EventAgentLogin',
    );
    expect(login.attributes).toMatchObject({ ThisDN: '5001', AgentID: '1001', AgentWorkMode: 1, ThisQueue: '8001' });
    const ready = await client.expectReply('RequestAgentReady', { ThisDN: '5001' }, 'EventAgentReady');
    expect(ready.attributes).toMatchObject({ AgentID: '1001', AgentWorkMode: AgentWorkMode.ManualIn });
    const reasons = KVList.from({ ReasonCode: '100' });
    const notReady = await client.expectReply(
      'RequestAgentNotReady',
      { ThisDN: '5001', AgentWorkMode: AgentWorkMode.AuxWork, Reasons: reasons },
      'EventAgentNotReady',
    );
    expect(notReady.attributes).toMatchObject({ AgentID: '1001', AgentWorkMode: AgentWorkMode.AuxWork });
    expect(notReady.attributes.Reasons?.get('ReasonCode')).toBe('100');
    await client.expectError(
      'RequestAgentNotReady',
      { ThisDN: '5001', AgentWorkMode: AgentWorkMode.AuxWork, Reasons: reasons },
      TErrorCode.InSameState,
    );
    const lunch = await client.expectReply(
      'RequestAgentNotReady',
      { ThisDN: '5001', AgentWorkMode: AgentWorkMode.AuxWork, Extensions: KVList.from({ ReasonCode: '101' }) },
      'EventAgentNotReady',
    );
    expect(lunch.attributes.Reasons?.get('ReasonCode')).toBe('101');
    await client.expectReply('RequestAgentReady', { ThisDN: '5001' }, 'EventAgentReady');
    await client.expectError('RequestAgentReady', { ThisDN: '5001' }, TErrorCode.InSameState);
    const logout = await client.expectReply('RequestAgentLogout', { ThisDN: '5001' }, 'EventAgentLogout');
    expect(logout.attributes).toMatchObject({ ThisDN: '5001', AgentID: '1001' });
    await client.expectEvents('5001', [
      'EventAgentLogin',
      'EventAgentReady',
      'EventAgentNotReady',
      'EventAgentNotReady',
      'EventAgentReady',
      'EventAgentLogout',
    ]);
    expect(sim.snapshot().agents).toEqual([]);
  });

  it('goes Ready at once on an AutoIn login', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001');
    await client.request('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001', AgentWorkMode: AgentWorkMode.AutoIn });
    await client.expectEvents('5001', ['EventAgentLogin', 'EventAgentReady']);
    expect(sim.snapshot().agents[0]).toMatchObject({ agentId: '1001', state: 'Ready', workMode: AgentWorkMode.AutoIn });
  });

  it('refuses logins with 1703-1707 and bad work modes with 53', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002', '5005', '8001');
    await client.expectError('RequestAgentLogin', { ThisDN: '5001', AgentID: '9999' }, TErrorCode.SoftAgentInvalidId);
    await client.expectError('RequestAgentLogout', { ThisDN: '5001' }, TErrorCode.SoftAgentNotLoggedIn);
    await client.expectError('RequestAgentReady', { ThisDN: '5001' }, TErrorCode.SoftAgentNotLoggedIn);
    await client.expectReply('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' }, 'EventAgentLogin');
    await client.expectError('RequestAgentLogin', { ThisDN: '5002', AgentID: '1001' }, TErrorCode.SoftAgentIdInUse);
    await client.expectError(
      'RequestAgentLogin',
      { ThisDN: '5001', AgentID: '1002' },
      TErrorCode.SoftAgentAlreadyLoggedIn,
    );
    await client.expectError(
      'RequestAgentLogin',
      { ThisDN: '5005', AgentID: '1005', Password: 'wrong' },
      TErrorCode.SoftAgentPasswordMismatch,
    );
    await client.expectError(
      'RequestAgentLogin',
      { ThisDN: '5005', AgentID: '1005' },
      TErrorCode.SoftAgentPasswordMismatch,
    );
    await client.expectReply(
      'RequestAgentLogin',
      { ThisDN: '5005', AgentID: '1005', Password: 'secret' },
      'EventAgentLogin',
    );
    await client.expectError('RequestAgentLogin', { ThisDN: '5002', AgentID: '1002', AgentWorkMode: 4 }, 53);
    await client.expectError('RequestAgentLogin', { ThisDN: '5002', AgentID: '1002', ThisQueue: '7001' }, 53);
    await client.expectError('RequestAgentLogin', { ThisDN: '8001', AgentID: '1002' }, 53);
    await client.expectError('RequestAgentNotReady', { ThisDN: '5001', AgentWorkMode: AgentWorkMode.ManualIn }, 53);
  });

  it('puts an agent with a wrap-up time in AfterCallWork after a call, then back to Ready', async () => {
    const sim = await fixture.start();
    const agent = await fixture.clientFor(sim, '5003');
    await agent.request('RequestAgentLogin', { ThisDN: '5003', AgentID: '1003', AgentWorkMode: AgentWorkMode.AutoIn });
    await agent.expectEvents('5003', ['EventAgentLogin', 'EventAgentReady']);
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '5003' });
    await agent.expectEvents('5003', ['EventRinging']);
    await agent.expectReply('RequestAnswerCall', { ThisDN: '5003', ConnID: connId }, 'EventEstablished');
    const started = Date.now();
    await agent.expectReply('RequestReleaseCall', { ThisDN: '5003', ConnID: connId }, 'EventReleased');
    const [, , acw] = await agent.expectEvents('5003', ['EventEstablished', 'EventReleased', 'EventAgentNotReady']);
    expect(acw?.attributes).toMatchObject({ AgentID: '1003', AgentWorkMode: AgentWorkMode.AfterCallWork });
    expect(sim.snapshot().agents[0]).toMatchObject({ state: 'NotReady', afterCallWork: true });
    const [back] = await agent.expectEvents('5003', ['EventAgentReady'], 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(back?.attributes.AgentWorkMode).toBe(AgentWorkMode.AutoIn);
  });

  it('returns to NotReady after wrap-up when the switch says so; a NotReady agent stays NotReady after a call', async () => {
    const sim = await fixture.start({ directory: testDirectory('NotReady') });
    const agent = await fixture.clientFor(sim, '5003', '5001');
    await agent.request('RequestAgentLogin', { ThisDN: '5003', AgentID: '1003', AgentWorkMode: AgentWorkMode.AutoIn });
    await agent.expectEvents('5003', ['EventAgentLogin', 'EventAgentReady']);
    const first = sim.injectCall({ ani: '+15550001', destination: '5003' });
    await agent.request('RequestAnswerCall', { ThisDN: '5003', ConnID: first.connId });
    sim.externalHangup(first.connId);
    await agent.expectEvents('5003', ['EventRinging', 'EventEstablished', 'EventReleased', 'EventAgentNotReady']);
    const [aux] = await agent.expectEvents('5003', ['EventAgentNotReady'], 3000);
    expect(aux?.attributes.AgentWorkMode).toBe(AgentWorkMode.AuxWork);

    await agent.request('RequestAgentLogin', { ThisDN: '5001', AgentID: '1001' });
    await agent.expectEvents('5001', ['EventAgentLogin']);
    const second = sim.injectCall({ ani: '+15550002', destination: '5001' });
    await agent.request('RequestAnswerCall', { ThisDN: '5001', ConnID: second.connId });
    await agent.request('RequestReleaseCall', { ThisDN: '5001', ConnID: second.connId });
    const [, , released] = await agent.expectEvents('5001', ['EventRinging', 'EventEstablished', 'EventReleased']);
    expect(released?.attributes.CallState).toBe(CallState.Ok);
    expect(sim.snapshot().agents.find((a) => a.dn === '5001')).toMatchObject({
      state: 'NotReady',
      afterCallWork: false,
    });
  });

  it('sets and clears DND (43 on repeat) and refuses calls to a DN in DND', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002');
    await client.expectReply('RequestSetDNDOn', { ThisDN: '5002' }, 'EventDNDOn');
    await client.expectError('RequestSetDNDOn', { ThisDN: '5002' }, TErrorCode.InSameState);
    await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5002' });
    const [, busy, released] = await client.expectEvents('5001', [
      'EventDialing',
      'EventDestinationBusy',
      'EventReleased',
    ]);
    expect(busy?.attributes.OtherDN).toBe('5002');
    expect(released?.attributes.CallState).toBe(CallState.Busy);
    await client.expectReply('RequestSetDNDOff', { ThisDN: '5002' }, 'EventDNDOff');
    await client.expectError('RequestSetDNDOff', { ThisDN: '5002' }, TErrorCode.InSameState);
    await client.expectEvents('5002', ['EventDNDOn', 'EventDNDOff']);
  });

  it('forwards new calls to the forward destination until forwarding is cancelled', async () => {
    const sim = await fixture.start();
    const client = await fixture.clientFor(sim, '5001', '5002', '5003');
    const set = await client.expectReply(
      'RequestCallForwardSet',
      { ThisDN: '5002', OtherDN: '5003', ForwardMode: ForwardMode.Unconditional },
      'EventForwardSet',
    );
    expect(set.attributes).toMatchObject({ OtherDN: '5003', ForwardMode: ForwardMode.Unconditional });
    await client.expectError(
      'RequestCallForwardSet',
      { ThisDN: '5002', OtherDN: '5003', ForwardMode: ForwardMode.Unconditional },
      TErrorCode.InSameState,
    );
    const registered = await client.expectReply(
      'RequestRegisterAddress',
      { ThisDN: '5002', RegisterMode: 0, ControlMode: 0, AddressType: 1 },
      'EventRegistered',
    );
    expect(registered.attributes.Extensions?.get('ForwardTo')).toBe('5003');
    await client.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5002' });
    await client.expectEvents('5001', ['EventDialing']);
    await client.expectEvents('5003', ['EventRinging']);
    expect(client.pendingEvents('5002').map((m) => m.name)).toEqual(['EventForwardSet']);
    await client.expectEvents('5002', ['EventForwardSet']);
    await client.expectReply('RequestCallForwardCancel', { ThisDN: '5002' }, 'EventForwardCancel');
    await client.expectError('RequestCallForwardCancel', { ThisDN: '5002' }, TErrorCode.InSameState);
    await client.register('5004');
    await client.request('RequestMakeCall', { ThisDN: '5004', OtherDN: '5002' });
    await client.expectEvents('5002', ['EventForwardCancel', 'EventRinging']);
  });
});
