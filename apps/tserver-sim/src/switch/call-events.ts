import { checkMandatory, type TAttributes, type TMessage, type TMessageName } from '@gws/tlib';
import type { Call } from './call';
import type { SwitchContext } from './switch-context';

/** The attributes every call event for `dn` carries: identity, type, parties, ANI/DNIS and the user data. */
export function callAttributes(call: Call, dn: string): TAttributes {
  const party = call.party(dn);
  const other = call.otherDn(dn);
  return {
    ThisDN: dn,
    ConnID: call.connId,
    CallUUID: call.callUuid,
    CallType: call.callType,
    ...(other !== undefined ? { OtherDN: other } : {}),
    ...(call.origin.ani !== undefined ? { ANI: call.origin.ani } : {}),
    ...(call.origin.dnis !== undefined ? { DNIS: call.origin.dnis } : {}),
    ...(party !== undefined ? { ThisDNRole: party.role } : {}),
    ...(party?.queue !== undefined ? { ThisQueue: party.queue } : {}),
    UserData: call.userData.clone(),
  };
}

/** Publishes a call event to `dn`, `extra` overriding the defaults (e.g. OtherDN, CallState, ThirdPartyDN). */
export function emitCallEvent(
  ctx: SwitchContext,
  name: TMessageName,
  call: Call,
  dn: string,
  extra: TAttributes = {},
): void {
  const message: TMessage = { name, attributes: { ...callAttributes(call, dn), ...extra } };
  checkMandatory(message);
  ctx.sink.publish(dn, message);
}
