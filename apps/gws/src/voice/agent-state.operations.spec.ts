import { AgentWorkMode, KVList, type KVInput } from '@gws/tlib';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { AGENT_STATE_DTOS, AGENT_STATE_OPERATIONS, type AgentStateOperation } from './agent-state.operations';
import { recordingTServer } from './testing/voice-fixtures';

/** Resolves `Lunch` (or its code 101) and refuses any other reason, as AgentStateService does. */
function reasons(codeOrName: string | undefined): Promise<KVInput | undefined> {
  if (codeOrName === undefined) return Promise.resolve(undefined);
  if (codeOrName === 'Lunch' || codeOrName === '101') return Promise.resolve({ ReasonCode: '101' });
  return Promise.reject(new GwsException(GwsStatus.ValidationError, `Unknown not-ready reason '${codeOrName}'`));
}

async function sent(name: keyof typeof AGENT_STATE_OPERATIONS, body: object): Promise<unknown> {
  const operation: AgentStateOperation = AGENT_STATE_OPERATIONS[name];
  const send = await operation.plan(operation.params(body), { dn: '5001', reasons });
  const tserver = recordingTServer();
  await send(tserver);
  return tserver.sent;
}

describe('AGENT_STATE_OPERATIONS', () => {
  it('sends Ready in ManualIn', async () => {
    expect(await sent('Ready', {})).toEqual([
      { name: 'RequestAgentReady', attributes: { ThisDN: '5001', AgentWorkMode: AgentWorkMode.ManualIn } },
    ]);
  });

  it('sends NotReady and AuxWork with the reason as Reasons {ReasonCode}, only when one is given', async () => {
    expect(await sent('NotReady', {})).toEqual([{ name: 'RequestAgentNotReady', attributes: { ThisDN: '5001' } }]);
    expect(await sent('NotReady', { reasonCode: 'Lunch' })).toEqual([
      {
        name: 'RequestAgentNotReady',
        attributes: { ThisDN: '5001', Reasons: KVList.from({ ReasonCode: '101' }) },
      },
    ]);
    expect(await sent('AuxWork', { reasonCode: '101' })).toEqual([
      {
        name: 'RequestAgentNotReady',
        attributes: {
          ThisDN: '5001',
          AgentWorkMode: AgentWorkMode.AuxWork,
          Reasons: KVList.from({ ReasonCode: '101' }),
        },
      },
    ]);
  });

  it('sends AfterCallWork with WrapUpTime in Extensions, only when given', async () => {
    expect(await sent('AfterCallWork', {})).toEqual([
      { name: 'RequestAgentNotReady', attributes: { ThisDN: '5001', AgentWorkMode: AgentWorkMode.AfterCallWork } },
    ]);
    expect(await sent('AfterCallWork', { wrapUpTime: '30' })).toEqual([
      {
        name: 'RequestAgentNotReady',
        attributes: {
          ThisDN: '5001',
          AgentWorkMode: AgentWorkMode.AfterCallWork,
          Extensions: KVList.from({ WrapUpTime: '30' }),
        },
      },
    ]);
  });

  it('refuses an unknown reason before anything is sent', async () => {
    const { NotReady } = AGENT_STATE_OPERATIONS;
    await expect(NotReady.plan({ reasonCode: 'Nap' }, { dn: '5001', reasons })).rejects.toMatchObject({
      statusCode: 10,
    });
  });

  it('documents each operation and then the custom states', () => {
    for (const [key, operation] of Object.entries(AGENT_STATE_OPERATIONS)) expect(operation.name).toBe(key);
    expect(AGENT_STATE_DTOS.map((dto) => dto.name)).toEqual([
      'ReadyDto',
      'NotReadyDto',
      'AfterCallWorkDto',
      'AuxWorkDto',
      'CustomAgentStateDto',
    ]);
  });
});
