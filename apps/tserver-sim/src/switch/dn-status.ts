import { AddressInfoType, AddressStatus, AddressType, KVList, TErrorCode, type ConnId } from '@gws/tlib';
import type { DnEntry } from '@gws/directory';
import type { Call } from './call';
import { isAnnounced } from './call-party';
import type { SwitchModel } from './switch-model';
import { TServerError } from './tserver-error';

/**
 * The DN and agent status that EventRegistered and EventAddressInfo carry in Extensions (keys in
 * docs/simulator.md): AgentStatus, AgentID, AgentWorkMode, Reasons, AgentQueue, DND, ForwardTo, ForwardMode,
 * DNStatus, NumberOfCalls and Calls (ConnID -> CallUUID, State, CallType).
 */
export function dnStatusExtensions(model: SwitchModel, dn: string): KVList {
  const ext = new KVList();
  const agent = model.agents.get(dn);
  ext.add('AgentStatus', agent?.state ?? 'LoggedOut');
  if (agent !== undefined) {
    ext.add('AgentID', agent.agentId);
    ext.add('AgentWorkMode', agent.workMode);
    if (agent.queue !== undefined) ext.add('AgentQueue', agent.queue);
    if (agent.reasons !== undefined) ext.add('Reasons', agent.reasons.clone());
  }
  const features = model.dns.featuresOf(dn);
  ext.add('DND', features.dnd ? 1 : 0);
  if (features.forward !== undefined) {
    ext.add('ForwardTo', features.forward.to);
    ext.add('ForwardMode', features.forward.mode);
  }
  ext.add('DNStatus', addressStatus(model, dn));
  const calls = announcedCallsOn(model, dn);
  ext.add('NumberOfCalls', calls.length);
  const list = new KVList();
  for (const call of calls) {
    list.add(
      call.connId,
      KVList.from({ CallUUID: call.callUuid, State: call.party(dn)!.state, CallType: call.callType }),
    );
  }
  ext.add('Calls', list);
  return ext;
}

/** AddressStatus of a DN from its calls: talking wins over dialing, dialing over ringing, ringing over held. */
export function addressStatus(model: SwitchModel, dn: string): number {
  const states = new Set(announcedCallsOn(model, dn).map((call) => call.party(dn)!.state));
  if (states.has('Established')) return AddressStatus.Talking;
  if (states.has('Dialing')) return AddressStatus.Dialing;
  if (states.has('Ringing') || states.has('Queued') || states.has('Routing')) return AddressStatus.Ringing;
  if (states.has('Held')) return AddressStatus.Held;
  return AddressStatus.Idle;
}

/** The DN's calls, less those whose phone has not rung yet (the DN does not have them in T-Lib terms). */
function announcedCallsOn(model: SwitchModel, dn: string): Call[] {
  return model.calls.callsOn(dn).filter((call) => isAnnounced(call.party(dn)!));
}

/** AddressInfoStatus for RequestQueryAddress. @throws TServerError 51 for an info type the simulator lacks */
export function addressInfoStatus(model: SwitchModel, entry: DnEntry, infoType: number): number {
  const dn = entry.number;
  switch (infoType) {
    case AddressInfoType.AddressStatus:
    case AddressInfoType.DNStatus:
      return addressStatus(model, dn);
    case AddressInfoType.AgentStatus:
      return model.agents.get(dn)?.workMode ?? 0;
    case AddressInfoType.CallForwardingStatus:
      return model.dns.featuresOf(dn).forward?.mode ?? 0;
    case AddressInfoType.NumberOfCallsInQueue:
      return model.router.waitingIn(dn).length;
    case AddressInfoType.NumberOfAgentsInQueue:
      return queueAgents(model, entry).length;
    case AddressInfoType.NumberOfAvailableAgentsInQueue:
      return queueAgents(model, entry).filter(
        (agent) => agent.state === 'Ready' && model.calls.callsOn(agent.dn).length === 0,
      ).length;
    case AddressInfoType.AddressType:
      return addressTypeOf(entry);
    default:
      throw new TServerError(TErrorCode.UnsupportedOperation, `AddressInfoType ${infoType} is not simulated`);
  }
}

/** EventPartyInfo attributes: the call, its user data and its parties in Extensions (`party-N` lists). */
export function partyInfo(
  model: SwitchModel,
  connId: ConnId,
): { CallUUID: string; CallType: number; UserData: KVList; Extensions: KVList } {
  const call = model.calls.require(connId);
  const parties = new KVList();
  call.parties.forEach((party, at) => {
    parties.add(
      `party-${at + 1}`,
      KVList.from({ DN: party.dn, Kind: party.kind, State: party.state, Role: party.role }),
    );
  });
  return { CallUUID: call.callUuid, CallType: call.callType, UserData: call.userData.clone(), Extensions: parties };
}

function queueAgents(model: SwitchModel, queue: DnEntry) {
  if (queue.type !== 'ACDQueue' && queue.type !== 'VirtualQueue') return [];
  return model.agents
    .all()
    .filter(
      (agent) =>
        (agent.queue === undefined || agent.queue === queue.number) &&
        model.dns.entry(agent.dn)?.switchDbid === queue.switchDbid,
    );
}

function addressTypeOf(entry: DnEntry): number {
  switch (entry.type) {
    case 'Extension':
      return AddressType.DN;
    case 'ACDPosition':
      return AddressType.Position;
    case 'RoutingPoint':
      return AddressType.RouteDN;
    default:
      return AddressType.Queue;
  }
}
