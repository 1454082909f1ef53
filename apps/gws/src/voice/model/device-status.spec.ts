import { AgentWorkMode, KVList } from '@gws/tlib';
import { voiceDevice } from '../testing/voice-fixtures';
import { deviceFromStatus } from './device-status';

describe('deviceFromStatus', () => {
  it('turns a device active and keeps what it knew when T-Server reports nothing', () => {
    const known = voiceDevice({ active: false, agentId: '1001', agent: { state: 'Ready' } });
    expect(deviceFromStatus(known, undefined)).toEqual({ ...known, active: true });
  });

  it('takes the agent, DND and forwarding from the Extensions, replacing what GWS believed', () => {
    const believed = voiceDevice({ active: false, doNotDisturb: true, forwardTo: '5009' });
    const status = KVList.from({ AgentStatus: 'Ready', AgentID: '1001', DND: 0, ForwardTo: '5002' });
    expect(deviceFromStatus(believed, status)).toEqual({
      ...believed,
      active: true,
      agent: { state: 'Ready' },
      agentId: '1001',
      doNotDisturb: false,
      forwardTo: '5002',
    });
  });

  it('reads not-ready work modes and the reason code', () => {
    const acw = KVList.from({ AgentStatus: 'NotReady', AgentID: '1001', AgentWorkMode: AgentWorkMode.AfterCallWork });
    expect(deviceFromStatus(voiceDevice(), acw).agent).toEqual({ state: 'NotReady', workMode: 'AfterCallWork' });
    const aux = KVList.from({
      AgentStatus: 'NotReady',
      AgentWorkMode: AgentWorkMode.AuxWork,
      Reasons: { ReasonCode: '101' },
      DND: 1,
    });
    expect(deviceFromStatus(voiceDevice({ agentId: '1001' }), aux)).toMatchObject({
      agent: { state: 'NotReady', workMode: 'AuxWork', reasonCode: '101' },
      agentId: '1001',
      doNotDisturb: true,
    });
  });

  it('logs the agent out when T-Server says so or says nothing of the agent, and clears an empty ForwardTo', () => {
    const loggedIn = voiceDevice({ agentId: '1001', agent: { state: 'Ready' }, forwardTo: '5002' });
    expect(deviceFromStatus(loggedIn, KVList.from({ AgentStatus: 'LoggedOut', ForwardTo: '' }))).toMatchObject({
      agent: { state: 'LoggedOut' },
      agentId: undefined,
      forwardTo: undefined,
    });
    expect(deviceFromStatus(loggedIn, KVList.from({ DND: 1 }))).toMatchObject({
      agent: { state: 'LoggedOut' },
      agentId: undefined,
    });
  });
});
