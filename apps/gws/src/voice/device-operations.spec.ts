import { ForwardMode } from '@gws/tlib';
import type { DeviceOperation } from './device-operation';
import { DEVICE_OPERATIONS } from './device-operations';
import { deviceCapabilities } from './model/voice-device';
import { recordingTServer, voiceDevice } from './testing/voice-fixtures';

async function sent(name: keyof typeof DEVICE_OPERATIONS, body: object): Promise<unknown> {
  const operation: DeviceOperation = DEVICE_OPERATIONS[name];
  const tserver = recordingTServer();
  await operation.send(operation.params(body), '5001', tserver);
  return tserver.sent;
}

describe('DEVICE_OPERATIONS', () => {
  it('turns DND on and off, and forwards unconditionally to a number until cancelled', async () => {
    expect(await sent('DoNotDisturbOn', {})).toEqual([{ name: 'RequestSetDNDOn', attributes: { ThisDN: '5001' } }]);
    expect(await sent('DoNotDisturbOff', {})).toEqual([{ name: 'RequestSetDNDOff', attributes: { ThisDN: '5001' } }]);
    expect(await sent('ForwardCallsOn', { operationName: 'ForwardCallsOn', destination: '5002' })).toEqual([
      {
        name: 'RequestCallForwardSet',
        attributes: { ThisDN: '5001', OtherDN: '5002', ForwardMode: ForwardMode.Unconditional },
      },
    ]);
    expect(await sent('ForwardCallsOff', {})).toEqual([
      { name: 'RequestCallForwardCancel', attributes: { ThisDN: '5001' } },
    ]);
  });

  it('has one definition per capability a device can offer, named after its key', () => {
    for (const [key, operation] of Object.entries(DEVICE_OPERATIONS)) expect(operation.name).toBe(key);
    const offered = [
      voiceDevice(),
      voiceDevice({ doNotDisturb: true, forwardTo: '5002' }),
      voiceDevice({ active: false }),
    ].flatMap(deviceCapabilities);
    expect(new Set(offered)).toEqual(new Set(Object.keys(DEVICE_OPERATIONS)));
  });
});
