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
  const reason = KVList.from({ ReasonCode: '101' });
  it.each([
    ['Ready', {}, 'RequestAgentReady', { AgentWorkMode: AgentWorkMode.ManualIn }],
    ['NotReady', {}, 'RequestAgentNotReady', {}],
    ['NotReady', { reasonCode: 'Lunch' }, 'RequestAgentNotReady', { Reasons: reason }],
    [
      'AuxWork',
      { reasonCode: '101' },
      'RequestAgentNotReady',
      { AgentWorkMode: AgentWorkMode.AuxWork, Reasons: reason },
    ],
    ['AfterCallWork', {}, 'RequestAgentNotReady', { AgentWorkMode: AgentWorkMode.AfterCallWork }],
    [
      'AfterCallWork',
      { wrapUpTime: '30' },
      'RequestAgentNotReady',
      { AgentWorkMode: AgentWorkMode.AfterCallWork, Extensions: KVList.from({ WrapUpTime: '30' }) },
    ],
  ] as const)(
    '%s %j sends %s, a reason as Reasons {ReasonCode}, WrapUpTime in Extensions',
    async (name, body, request, attributes) => {
      expect(await sent(name, body)).toEqual([{ name: request, attributes: { ThisDN: '5001', ...attributes } }]);
    },
  );

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
