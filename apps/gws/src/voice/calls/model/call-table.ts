import { CallState as CallStateCode, KVList, type TMessage } from '@gws/tlib';
import type { AgentCall, CallChange, CallNotificationType, CallState, CallTypeName, ConsultKind } from './agent-call';
import type { KnownCall } from './call-recovery';

const CALL_TYPES: readonly CallTypeName[] = ['Internal', 'Internal', 'Inbound', 'Outbound', 'Consult'];

export function callTypeName(code: number | undefined): CallTypeName {
  return CALL_TYPES[code ?? 1] ?? 'Internal';
}

/**
 * The calls of one agent's devices, kept from T-Server events. `apply` turns each event into the call changes to
 * announce, in GWS order: it links a consultation to the call it consults about, and holds back a consultation's
 * release while GWS completes a transfer so that the original call is announced Released first.
 *
 * While a DN is being (re-)registered (`suspend` until `resync`), its events wait: the calls T-Server lists at
 * registration are the starting point, and the events that followed are applied on top of them, in order.
 */
export class CallTable {
  private readonly byId = new Map<string, AgentCall>();
  private readonly idByConnId = new Map<string, string>();
  /** DNs waiting for `resync`: the suspension's number and the DN's events since, in arrival order. */
  private readonly suspended = new Map<string, { readonly epoch: number; readonly events: TMessage[] }>();
  private epochs = 0;
  /** Consultations GWS asked for, by DN, until their EventDialing arrives. */
  private readonly initiating = new Map<string, { parentId: string; kind: ConsultKind }>();
  /** Original calls whose transfer GWS is completing -> the consultation's release, held back. */
  private readonly completing = new Map<string, CallChange | undefined>();

  constructor(private readonly now: () => number = Date.now) {}

  all(): AgentCall[] {
    return [...this.byId.values()];
  }

  get(id: string): AgentCall | undefined {
    return this.byId.get(id);
  }

  byConnId(connId: string): AgentCall | undefined {
    const id = this.idByConnId.get(connId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  onDn(dn: string): AgentCall[] {
    const calls: AgentCall[] = [];
    for (const call of this.byId.values()) if (call.dn === dn) calls.push(call);
    return calls;
  }

  /** GWS is about to ask for a consultation from `parentId`: its EventHeld and EventDialing will say so. */
  expectConsult(dn: string, parentId: string, kind: ConsultKind): void {
    this.initiating.set(dn, { parentId, kind });
  }

  consultFailed(dn: string): void {
    this.initiating.delete(dn);
  }

  /** GWS is about to complete the transfer of `parentId`. */
  expectTransferCompletion(parentId: string): void {
    this.completing.set(parentId, undefined);
  }

  /** The completion was refused: whatever was held back goes out now. */
  completionFailed(parentId: string): CallChange[] {
    const held = this.completing.get(parentId);
    this.completing.delete(parentId);
    return held === undefined ? [] : [held];
  }

  /**
   * `dn` is about to be (re-)registered, or its link was lost: from now on its events wait for `resync`. Suspending
   * again starts over (the events of a link lost since are superseded by the next registration's status) and makes
   * the earlier suspension's `resync` a no-op. @returns the number `resync` must present
   */
  suspend(dn: string): number {
    const epoch = ++this.epochs;
    this.suspended.set(dn, { epoch, events: [] });
    return epoch;
  }

  /** The number of `dn`'s current suspension; undefined when its events are applied as they come. */
  suspension(dn: string): number | undefined {
    return this.suspended.get(dn)?.epoch;
  }

  /**
   * Brings the calls of `dn` in line with what T-Server listed when the DN was registered and resumes it. `listed`
   * are the DN's calls from EventRegistered; `recovered`, those of them this table does not know, rebuilt (with
   * RequestQueryCall) in the same order. The changes come in this order: the calls T-Server no longer lists
   * (Released, in the order GWS learnt of them), the known calls whose state changed, the new calls (as T-Server
   * lists them), then what the events that arrived meanwhile did, each change naming its event. Undefined, with nothing changed, when `epoch`
   * is no longer the DN's suspension (the link was lost again: the next registration's re-sync does it).
   */
  resync(
    dn: string,
    epoch: number,
    listed: readonly KnownCall[],
    recovered: readonly AgentCall[],
  ): CallChange[] | undefined {
    const waiting = this.suspended.get(dn);
    if (waiting?.epoch !== epoch) return undefined;
    this.suspended.delete(dn);
    const live = new Map(listed.map((call) => [call.connId, call]));
    const changes = this.onDn(dn)
      .filter((call) => !live.has(call.connId))
      .flatMap((call) => this.released(call.connId));
    for (const { connId, state } of listed) {
      const known = this.byConnId(connId);
      if (known !== undefined && known.state !== state) {
        changes.push(...this.update(connId, (call) => ({ ...call, state }), 'StatusChange'));
      }
    }
    for (const call of recovered) {
      if (live.has(call.connId) && this.byConnId(call.connId) === undefined) changes.push(this.restore(call));
    }
    for (const event of waiting.events) changes.push(...this.apply(event).map((change) => ({ ...change, event })));
    return changes;
  }

  apply(event: TMessage): CallChange[] {
    const dn = event.attributes.ThisDN;
    const connId = event.attributes.ConnID;
    if (dn === undefined || connId === undefined) return [];
    const waiting = this.suspended.get(dn);
    if (waiting !== undefined) {
      waiting.events.push(event);
      return [];
    }
    switch (event.name) {
      case 'EventDialing':
      case 'EventRinging':
        return this.offered(event, dn, connId);
      case 'EventEstablished':
      case 'EventRetrieved':
        return this.changeState(connId, 'Established', event);
      case 'EventHeld':
        return this.held(connId, dn, event);
      case 'EventReleased':
      case 'EventAbandoned':
        return this.released(connId);
      case 'EventPartyChanged':
        return this.partyChanged(event, connId);
      case 'EventPartyAdded':
      case 'EventPartyDeleted':
        return this.membership(event, connId);
      case 'EventAttachedDataChanged':
        return this.update(
          connId,
          (call) => ({ ...call, userData: event.attributes.UserData ?? new KVList() }),
          'AttachedDataChanged',
        );
      case 'EventDTMFSent':
        return this.update(connId, (call) => call, 'DtmfSent');
      default:
        return [];
    }
  }

  private offered(event: TMessage, dn: string, connId: string): CallChange[] {
    const state: CallState = event.name === 'EventDialing' ? 'Dialing' : 'Ringing';
    if (this.byConnId(connId) !== undefined) return this.changeState(connId, state, event);
    const a = event.attributes;
    const callType = callTypeName(a.CallType);
    const pending = callType === 'Consult' && state === 'Dialing' ? this.initiating.get(dn) : undefined;
    if (pending !== undefined) this.initiating.delete(dn);
    const call: AgentCall = {
      id: a.CallUUID ?? connId,
      callUuid: a.CallUUID ?? connId,
      connId,
      dn,
      state,
      callType,
      parties: [a.OtherDN ?? a.ANI].filter((party): party is string => party !== undefined && party !== ''),
      ani: a.ANI,
      dnis: a.DNIS,
      userData: a.UserData ?? new KVList(),
      startedAt: this.now(),
      parentId: pending?.parentId,
      consult: undefined,
    };
    this.put(call);
    const parent = pending === undefined ? undefined : this.byId.get(pending.parentId);
    if (parent !== undefined && pending !== undefined)
      this.put({ ...parent, consult: { id: call.id, kind: pending.kind } });
    return [{ call, notificationType: 'StatusChange' }];
  }

  /** A call GWS learnt of from T-Server's status rather than from its events. */
  private restore(call: AgentCall): CallChange {
    this.put(call);
    return { call, notificationType: 'StatusChange' };
  }

  /** A held call GWS is consulting from already offers CompleteTransfer/Conference when announced Held. */
  private held(connId: string, dn: string, event: TMessage): CallChange[] {
    const pending = this.initiating.get(dn);
    return this.update(
      connId,
      (call) => ({
        ...call,
        state: 'Held',
        parties: partiesAfter(call, event),
        consult: pending?.parentId === call.id ? { id: undefined, kind: pending.kind } : call.consult,
      }),
      'StatusChange',
    );
  }

  private changeState(connId: string, state: CallState, event: TMessage): CallChange[] {
    return this.update(connId, (call) => ({ ...call, state, parties: partiesAfter(call, event) }), 'StatusChange');
  }

  private released(connId: string): CallChange[] {
    const call = this.byConnId(connId);
    if (call === undefined) return [];
    this.remove(call);
    const change: CallChange = {
      call: { ...call, state: 'Released', consult: undefined },
      notificationType: 'StatusChange',
    };
    const parent = call.parentId === undefined ? undefined : this.byId.get(call.parentId);
    if (parent !== undefined && parent.consult?.id === call.id) this.put({ ...parent, consult: undefined });
    if (call.parentId !== undefined && this.completing.has(call.parentId)) {
      this.completing.set(call.parentId, change);
      return [];
    }
    if (this.completing.has(call.id)) return [change, ...this.completionFailed(call.id)];
    return [change];
  }

  /** T-Server merged calls (a transfer completed): this DN's call keeps its id under the surviving ConnID. */
  private partyChanged(event: TMessage, connId: string): CallChange[] {
    const previous = event.attributes.PreviousConnID;
    const call = (previous === undefined ? undefined : this.byConnId(previous)) ?? this.byConnId(connId);
    if (call === undefined) return [];
    this.idByConnId.delete(call.connId);
    const a = event.attributes;
    const merged: AgentCall = {
      ...call,
      connId,
      callUuid: a.CallUUID ?? call.callUuid,
      callType: a.CallType === undefined || call.callType !== 'Consult' ? call.callType : callTypeName(a.CallType),
      parties: partiesMerged(call, event),
      ani: a.ANI ?? call.ani,
      dnis: a.DNIS ?? call.dnis,
      userData: a.UserData ?? call.userData,
      parentId: undefined,
    };
    this.put(merged);
    return [{ call: merged, notificationType: 'ParticipantsUpdated' }];
  }

  private membership(event: TMessage, connId: string): CallChange[] {
    const party = event.attributes.ThirdPartyDN;
    if (party === undefined) return [];
    return this.update(
      connId,
      (call) => ({
        ...call,
        parties:
          event.name === 'EventPartyAdded'
            ? [...call.parties.filter((existing) => existing !== party), party]
            : call.parties.filter((existing) => existing !== party),
      }),
      'ParticipantsUpdated',
    );
  }

  private update(connId: string, change: (call: AgentCall) => AgentCall, type: CallNotificationType): CallChange[] {
    const call = this.byConnId(connId);
    if (call === undefined) return [];
    const next = change(call);
    this.put(next);
    return [{ call: next, notificationType: type }];
  }

  private put(call: AgentCall): void {
    this.byId.set(call.id, call);
    this.idByConnId.set(call.connId, call.id);
  }

  private remove(call: AgentCall): void {
    this.byId.delete(call.id);
    this.idByConnId.delete(call.connId);
  }
}

/**
 * Who a merged call's DN talks with. A transfer (CallState Transferred, or none said) leaves it with OtherDN, the
 * transferring party gone; a conference (CallState Conferenced) keeps the party that conferenced it in
 * (ThirdPartyDN) beside OtherDN and those it knew.
 */
function partiesMerged(call: AgentCall, event: TMessage): readonly string[] {
  const { OtherDN: other, ThirdPartyDN: third, CallState: state } = event.attributes;
  const named = [other, third].filter((party): party is string => party !== undefined && party !== '');
  if (state !== CallStateCode.Conferenced) return other === undefined || other === '' ? call.parties : [other];
  return [...new Set([...call.parties, ...named])].filter((party) => party !== call.dn);
}

/** A two-party call's other party follows OtherDN; a conference's membership changes only by PartyAdded/Deleted. */
function partiesAfter(call: AgentCall, event: TMessage): readonly string[] {
  const other = event.attributes.OtherDN;
  if (other === undefined || other === '' || call.parties.length > 1) return call.parties;
  return [other];
}
