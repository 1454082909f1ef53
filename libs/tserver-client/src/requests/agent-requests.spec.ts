import { AgentWorkMode, KVList } from '@gws/tlib';
import { messageSentBy } from '../testing/recording-request';
import { AgentRequests } from './agent-requests';

const sent = messageSentBy((request) => new AgentRequests(request));

describe('AgentRequests', () => {
  it('logs in with only the options given, and out with or without a queue', async () => {
    expect(await sent((agent) => agent.login('5001', { agentId: '1001' }))).toEqual({
      name: 'RequestAgentLogin',
      attributes: { ThisDN: '5001', AgentID: '1001' },
    });
    expect(
      await sent((agent) =>
        agent.login('5001', { agentId: '1001', queue: '8001', password: 'pw', workMode: AgentWorkMode.ManualIn }),
      ),
    ).toEqual({
      name: 'RequestAgentLogin',
      attributes: {
        ThisDN: '5001',
        AgentID: '1001',
        ThisQueue: '8001',
        Password: 'pw',
        AgentWorkMode: AgentWorkMode.ManualIn,
      },
    });
    expect(await sent((agent) => agent.logout('5001'))).toEqual({
      name: 'RequestAgentLogout',
      attributes: { ThisDN: '5001' },
    });
    expect(await sent((agent) => agent.logout('5001', '8001'))).toEqual({
      name: 'RequestAgentLogout',
      attributes: { ThisDN: '5001', ThisQueue: '8001' },
    });
  });

  it('sets Ready with an optional work mode', async () => {
    expect(await sent((agent) => agent.ready('5001'))).toEqual({
      name: 'RequestAgentReady',
      attributes: { ThisDN: '5001' },
    });
    expect(await sent((agent) => agent.ready('5001', AgentWorkMode.ManualIn))).toEqual({
      name: 'RequestAgentReady',
      attributes: { ThisDN: '5001', AgentWorkMode: AgentWorkMode.ManualIn },
    });
  });

  it('sets NotReady with a work mode, Reasons and Extensions, each only when given', async () => {
    expect(await sent((agent) => agent.notReady('5001'))).toEqual({
      name: 'RequestAgentNotReady',
      attributes: { ThisDN: '5001' },
    });
    expect(
      await sent((agent) =>
        agent.notReady('5001', {
          workMode: AgentWorkMode.AfterCallWork,
          reasons: { ReasonCode: '101' },
          extensions: { WrapUpTime: '30' },
        }),
      ),
    ).toEqual({
      name: 'RequestAgentNotReady',
      attributes: {
        ThisDN: '5001',
        AgentWorkMode: AgentWorkMode.AfterCallWork,
        Reasons: KVList.from({ ReasonCode: '101' }),
        Extensions: KVList.from({ WrapUpTime: '30' }),
      },
    });
  });
});
