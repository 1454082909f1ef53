import type { AgentStateOperation } from '../../voice/agent-state.operations';
import type { DeviceOperation } from '../../voice/device-operation';
import { deviceView } from '../../voice/model/device-view';
import { NotReadyReasons } from '../../voice/model/not-ready-reasons';
import { ResourceUrls } from '../../voice/resource-urls';
import { voiceDevice } from '../../voice/testing/voice-fixtures';
import { V3_VOICE_OPERATIONS, v3DnCapabilities, type VoiceRunner } from './v3-voice-operations';

/** Runs a v3 voice operation and says which command it ran, with which parameters. */
async function ran(name: string, data: object, body: Record<string, unknown> = {}): Promise<[string, unknown]> {
  let run: [string, unknown] | undefined;
  const runner: VoiceRunner = {
    agentState: <P>(command: AgentStateOperation<P>, params: P) => {
      run = [command.name, params];
      return Promise.resolve();
    },
    device: <P>(command: DeviceOperation<P>, params: P) => void (run = [command.name, params]),
    fromDevice: <P>(command: DeviceOperation<P>, params: P) => void (run = [command.name, params]),
    connIdOf: (callUuid) => `conn-of-${callUuid}`,
  };
  await V3_VOICE_OPERATIONS[name]!.run(data, body, runner);
  if (run === undefined) throw new Error(`${name} ran nothing`);
  return run;
}

describe('V3_VOICE_OPERATIONS', () => {
  it('runs the v2 agent-state command of the work mode, with the reason from data or beside it', async () => {
    expect(await ran('ready', {})).toEqual(['Ready', {}]);
    expect(await ran('not-ready', { reasonCode: 'Lunch' })).toEqual(['NotReady', { reasonCode: 'Lunch' }]);
    expect(await ran('not-ready', {}, { reasonCode: 'Lunch' })).toEqual(['NotReady', { reasonCode: 'Lunch' }]);
    expect(await ran('not-ready', { agentWorkMode: 'AuxWork' }, { reasonCode: '100' })).toEqual([
      'AuxWork',
      { reasonCode: '100' },
    ]);
    expect(await ran('not-ready', { agentWorkMode: 'AfterCallWork' })).toEqual([
      'AfterCallWork',
      { wrapUpTime: undefined },
    ]);
  });

  it('refuses what no v2 command does: a reason with AfterCallWork, the other work modes', async () => {
    const refused = (message: RegExp) => ({ statusCode: 10, statusMessage: expect.stringMatching(message) as unknown });
    await expect(ran('not-ready', { agentWorkMode: 'AfterCallWork', reasonCode: 'Lunch' })).rejects.toMatchObject(
      refused(/takes no reasonCode/),
    );
    await expect(ran('not-ready', { agentWorkMode: 'WalkAway' })).rejects.toMatchObject(
      refused(/WalkAway is not served/),
    );
    await expect(ran('not-ready', {}, { reasonCode: 7 })).rejects.toMatchObject(refused(/'reasonCode'/));
    await expect(ran('ready', {})).resolves.toBeDefined();
  });

  it('runs the device commands and the calls from the device', async () => {
    expect(await ran('dnd-on', {})).toEqual(['DoNotDisturbOn', {}]);
    expect(await ran('set-forward', { forwardTo: '5002' })).toEqual(['ForwardCallsOn', { destination: '5002' }]);
    expect(await ran('cancel-forward', {})).toEqual(['ForwardCallsOff', {}]);
    expect(await ran('make-call', { destination: '5002' })).toEqual([
      'Dial',
      { destination: '5002', location: undefined, userData: undefined },
    ]);
    const [name, params] = await ran('send-user-event', {
      userData: [{ key: 'Survey', type: 'str', value: 'yes' }],
      callUuid: 'U1',
    });
    expect(name).toBe('SendUserEvent');
    expect(params).toMatchObject({ connId: 'conn-of-U1' });
  });

  it('lists what a DN allows from its v2 view', () => {
    const urls = new ResourceUrls('http://gws');
    const reasons = new NotReadyReasons([]);
    const dn = (overrides: Parameters<typeof voiceDevice>[0]) =>
      v3DnCapabilities(deviceView(voiceDevice(overrides), reasons, urls));
    expect(dn({ agentId: '1001', agent: { state: 'Ready' } })).toEqual(['not-ready', 'dnd-on', 'set-forward']);
    expect(dn({ agentId: '1001', agent: { state: 'NotReady' }, doNotDisturb: true, forwardTo: '5002' })).toEqual([
      'ready',
      'not-ready',
      'dnd-off',
      'cancel-forward',
    ]);
    expect(dn({})).toEqual(['dnd-on', 'set-forward']);
    expect(dn({ active: false, agentId: '1001', agent: { state: 'Ready' } })).toEqual([]);
  });
});
