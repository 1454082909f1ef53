import type { GwsCall, GwsCallParticipant } from '../../../notifications';
import type { ResourceUrls } from '../../resource-urls';
import type { AgentCall } from './agent-call';
import { callCapabilities } from './call-capabilities';

/**
 * The call object of REST answers and CallStateChangeMessage: always the whole snapshot, `userData` left out when
 * empty, `duration` a string of whole seconds.
 */
export function callView(
  call: AgentCall,
  others: readonly AgentCall[],
  urls: ResourceUrls,
  deviceId: string,
  now: number = Date.now(),
): GwsCall {
  const parent = call.parentId === undefined ? undefined : urls.call(call.parentId);
  return {
    id: call.id,
    callUuid: call.callUuid,
    connId: call.connId,
    state: call.state,
    callType: call.callType,
    deviceUri: urls.device(deviceId).uri,
    ...urls.call(call.id),
    participants: call.parties.map(participant),
    ...(call.ani === undefined ? {} : { ani: call.ani }),
    ...(call.dnis === undefined ? {} : { dnis: call.dnis }),
    capabilities: callCapabilities(call, others),
    ...(call.userData.size === 0 ? {} : { userData: call.userData.toObject() as Record<string, string | number> }),
    duration: String(Math.max(0, Math.floor((now - call.startedAt) / 1000))),
    mute: 'Off',
    supervisorListeningIn: false,
    monitoredUserMuted: false,
    monitoring: false,
    ...(parent === undefined ? {} : { parentCallUri: parent.uri, parentCallPath: parent.path }),
  };
}

/** 8.5.2 participant shape: an external number in E.164 form fills `e164Number`, an internal DN leaves it empty. */
function participant(number: string): GwsCallParticipant {
  return {
    phoneNumber: number,
    digits: number.replace(/^\+/, ''),
    formattedPhoneNumber: number,
    e164Number: number.startsWith('+') ? number : '',
  };
}
