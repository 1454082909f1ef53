import type { SwitchModel } from './switch-model';
import { addressStatus } from './dn-status';
import { enumName, AddressStatus } from '@gws/tlib';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The client ids that registered a DN: `monitoredBy` in ModeMonitor, `registeredBy` in ModeShare or ModePrivate. */
export interface DnRegistrants {
  readonly registeredBy: string[];
  readonly monitoredBy: string[];
}

export interface DnSnapshot extends DnRegistrants {
  readonly number: string;
  readonly type: string;
  readonly status: string;
  readonly dnd: boolean;
  readonly forward: { readonly to: string; readonly mode: number } | null;
  readonly agentId: string | null;
}

export interface AgentSnapshot {
  readonly dn: string;
  readonly agentId: string;
  readonly state: string;
  readonly workMode: number;
  readonly queue: string | null;
  readonly reasons: { [key: string]: Json } | null;
  readonly afterCallWork: boolean;
}

export interface CallSnapshot {
  readonly connId: string;
  readonly callUuid: string;
  readonly callType: number;
  readonly ani: string | null;
  readonly dnis: string | null;
  readonly consultOf: string | null;
  readonly parties: { readonly dn: string; readonly kind: string; readonly state: string; readonly role: number }[];
  readonly userData: { [key: string]: Json };
}

export interface QueueSnapshot {
  readonly dn: string;
  /** ConnIDs waiting, oldest first. */
  readonly calls: string[];
}

export interface SwitchSnapshot {
  readonly dns: DnSnapshot[];
  readonly agents: AgentSnapshot[];
  readonly calls: CallSnapshot[];
  readonly queues: QueueSnapshot[];
}

/** A JSON-safe picture of the switch (GET /snapshot, tests). */
export function switchSnapshot(model: SwitchModel, registrants: (dn: string) => DnRegistrants): SwitchSnapshot {
  const entries = model.ctx.index.directory.dns;
  return {
    dns: entries.map((entry) => {
      const features = model.dns.featuresOf(entry.number);
      return {
        number: entry.number,
        type: entry.type,
        ...registrants(entry.number),
        status: enumName(AddressStatus, addressStatus(model, entry.number)),
        dnd: features.dnd,
        forward: features.forward ? { to: features.forward.to, mode: features.forward.mode } : null,
        agentId: model.agents.get(entry.number)?.agentId ?? null,
      };
    }),
    agents: model.agents.all().map((agent) => ({
      dn: agent.dn,
      agentId: agent.agentId,
      state: agent.state,
      workMode: agent.workMode,
      queue: agent.queue ?? null,
      reasons: agent.reasons ? (agent.reasons.toObject() as { [key: string]: Json }) : null,
      afterCallWork: agent.afterCallWork !== undefined,
    })),
    calls: model.calls.all().map((call) => ({
      connId: call.connId,
      callUuid: call.callUuid,
      callType: call.callType,
      ani: call.origin.ani ?? null,
      dnis: call.origin.dnis ?? null,
      consultOf: call.origin.consultOf ?? null,
      parties: call.parties.map(({ dn, kind, state, role }) => ({ dn, kind, state, role })),
      userData: call.userData.toObject() as { [key: string]: Json },
    })),
    queues: entries
      .filter((entry) => entry.type === 'ACDQueue' || entry.type === 'VirtualQueue')
      .map((entry) => ({ dn: entry.number, calls: model.router.waitingIn(entry.number).map((call) => call.connId) })),
  };
}
