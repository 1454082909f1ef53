import { KVList, type TMessage } from '@gws/tlib';
import { GwsException } from '../../common/gws.exception';
import { AgentRequests, CallRequests, DnRequests, UserDataRequests } from '@gws/tserver-client';
import type { AgentCall } from '../calls/model/agent-call';
import type { VoiceDevice } from '../model/voice-device';
import type { TServerRequests } from '../tserver-requests';

/** An established inbound call on DN 5001, changed by `overrides`. */
export function agentCall(overrides: Partial<AgentCall> = {}): AgentCall {
  return {
    id: 'CALL-1',
    callUuid: 'CALL-1',
    connId: '0000000000000001',
    dn: '5001',
    state: 'Established',
    callType: 'Inbound',
    parties: ['+15550100'],
    ani: '+15550100',
    dnis: '8001',
    userData: new KVList(),
    startedAt: 0,
    parentId: undefined,
    consult: undefined,
    ...overrides,
  };
}

/** An active device on DN 5001 with no agent logged in, changed by `overrides`. */
export function voiceDevice(overrides: Partial<VoiceDevice> = {}): VoiceDevice {
  return {
    id: 'DEVICE-1',
    dn: '5001',
    switchName: 'SIP_Switch',
    active: true,
    agent: { state: 'LoggedOut' },
    agentId: undefined,
    doNotDisturb: false,
    forwardTo: undefined,
    ...overrides,
  };
}

/** The T-Server client's request helpers over a request function that keeps every message and answers EventACK. */
export function recordingTServer(): TServerRequests & { readonly sent: TMessage[] } {
  const sent: TMessage[] = [];
  const request = (message: TMessage): Promise<TMessage> => {
    sent.push(message);
    return Promise.resolve({ name: 'EventACK', attributes: {} });
  };
  return {
    sent,
    agent: new AgentRequests(request),
    calls: new CallRequests(request),
    dn: new DnRequests(request),
    userData: new UserDataRequests(request),
  };
}

/** `[statusCode, statusMessage]` of the GwsException `run` throws; undefined when it returns. */
export function refusal(run: () => unknown): [number, string] | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof GwsException) return [error.statusCode, error.statusMessage];
    throw error;
  }
}
