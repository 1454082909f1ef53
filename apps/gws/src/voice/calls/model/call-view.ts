import type { GwsCall, GwsCallParticipant } from '../../../notifications';
import type { ResourceUrls } from '../../resource-urls';
import type { AgentCall } from './agent-call';
import { callCapabilities } from './call-capabilities';

/**
 * The call object of REST answers and CallStateChangeMessage: always the whole snapshot, `userData` left out when
 * empty, `duration` a string of whole seconds.
 *
 * Every pushed call event builds one, so it is filled key by key rather than from spread fragments (each spread
 * allocated and copied an object): the keys go in in the order the JSON has always had them, optional keys left
 * out rather than set to undefined. call-view.spec.ts pins the JSON byte for byte.
 */
export function callView(
  call: AgentCall,
  others: readonly AgentCall[],
  urls: ResourceUrls,
  deviceId: string,
  now: number = Date.now(),
): GwsCall {
  const self = urls.call(call.id);
  const view: Partial<GwsCall> = {
    id: call.id,
    callUuid: call.callUuid,
    connId: call.connId,
    state: call.state,
    callType: call.callType,
    deviceUri: urls.device(deviceId).uri,
    uri: self.uri,
    path: self.path,
    participants: call.parties.map(participant),
  };
  if (call.ani !== undefined) view.ani = call.ani;
  if (call.dnis !== undefined) view.dnis = call.dnis;
  view.capabilities = callCapabilities(call, others);
  if (call.userData.size > 0) view.userData = call.userData.toObject() as Record<string, string | number>;
  view.duration = String(Math.max(0, Math.floor((now - call.startedAt) / 1000)));
  view.mute = 'Off';
  view.supervisorListeningIn = false;
  view.monitoredUserMuted = false;
  view.monitoring = false;
  if (call.parentId !== undefined) {
    const parent = urls.call(call.parentId);
    view.parentCallUri = parent.uri;
    view.parentCallPath = parent.path;
  }
  // Every required key is set above.
  return view as GwsCall;
}

/** 8.5.2 participant shape: an external number in E.164 form fills `e164Number`, an internal DN leaves it empty. */
function participant(number: string): GwsCallParticipant {
  const e164 = number.startsWith('+');
  return {
    phoneNumber: number,
    digits: e164 ? number.slice(1) : number,
    formattedPhoneNumber: number,
    e164Number: e164 ? number : '',
  };
}
