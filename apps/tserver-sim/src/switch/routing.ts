import { DNRole, type TAttributes } from '@gws/tlib';
import type { AgentTable } from './agents';
import type { Call } from './call';
import type { Party } from './call-party';
import { emitCallEvent } from './call-events';
import type { SwitchCallTable } from './calls';
import type { DnTable } from './dns';
import type { SwitchEndpoints } from './endpoints';
import type { SwitchContext } from './switch-context';

export type Delivery = 'ringing' | 'queued' | 'routing' | 'busy' | 'external';

interface Waiting {
  readonly party: Party;
  readonly queue: string;
}

/**
 * Where a call goes when it reaches a DN: an extension rings (or forwards, or is busy on DND), a routing point
 * follows its default route, an ACD queue holds the call until the longest-idle Ready agent is free.
 */
export class Router {
  private readonly waiting: Waiting[] = [];
  private distributing = false;

  constructor(
    private readonly ctx: SwitchContext,
    private readonly dns: DnTable,
    private readonly calls: SwitchCallTable,
    private readonly agents: AgentTable,
    private readonly endpoints: SwitchEndpoints,
    private readonly dialExternal: (call: Call, number: string) => void,
  ) {}

  deliver(call: Call, dn: string, forwarded = false): Delivery {
    const entry = this.dns.entry(dn);
    if (entry === undefined) {
      this.dialExternal(call, dn);
      return 'external';
    }
    switch (entry.type) {
      case 'ACDQueue':
      case 'VirtualQueue':
        this.enqueue(call, dn);
        return 'queued';
      case 'RoutingPoint':
        return this.route(call, dn, entry.routeTo);
      default: {
        const forward = this.dns.forwardTarget(dn);
        if (forward !== undefined && !forwarded) return this.deliver(call, forward, true);
        if (this.dns.featuresOf(dn).dnd) return 'busy';
        this.ring(call, dn, undefined);
        return 'ringing';
      }
    }
  }

  /** Hands queued calls, oldest first, to the longest-idle Ready agents. */
  distribute(): void {
    if (this.distributing) return;
    this.distributing = true;
    try {
      for (const waiting of [...this.waiting]) {
        const call = this.calls.findByParty(waiting.party);
        if (call === undefined) {
          this.forget(waiting.party);
          continue;
        }
        const agent = this.agents.longestIdle(waiting.queue);
        if (agent === undefined) continue;
        this.forget(waiting.party);
        emitCallEvent(this.ctx, 'EventDiverted', call, waiting.queue, { ThirdPartyDN: agent.dn });
        call.remove(waiting.party);
        this.ring(call, agent.dn, waiting.queue);
      }
    } finally {
      this.distributing = false;
    }
  }

  /** The party left the queue (the call ended or moved on). */
  forget(party: Party): void {
    const at = this.waiting.findIndex((waiting) => waiting.party === party);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  waitingIn(queue: string): Call[] {
    return this.waiting
      .filter((waiting) => waiting.queue === queue)
      .flatMap((waiting) => this.calls.findByParty(waiting.party) ?? []);
  }

  /**
   * `party` (just added, `Ringing`) rings: EventRinging at once, or for a DN with a phone (SIP) once the phone
   * rings; until then the party is `Offered`.
   */
  alert(call: Call, party: Party, extra: TAttributes = {}): void {
    if (this.endpoints.reaches(party.dn)) {
      party.state = 'Offered';
      party.ringing = extra;
      this.endpoints.offer(call, party, 'destination');
      return;
    }
    emitCallEvent(this.ctx, 'EventRinging', call, party.dn, extra);
  }

  /** The call waits in `queue` again (its agent's phone did not take it: SIP Server's no-answer overflow `recall`). */
  requeue(call: Call, queue: string): void {
    this.enqueue(call, queue);
  }

  private ring(call: Call, dn: string, queue: string | undefined): void {
    const party = call.add({ dn, kind: 'internal', state: 'Ringing', role: DNRole.Destination, answered: false });
    if (queue !== undefined) party.queue = queue;
    this.alert(call, party);
  }

  private enqueue(call: Call, queue: string): void {
    const party = call.add({ dn: queue, kind: 'queue', state: 'Queued', role: DNRole.Destination, answered: false });
    this.waiting.push({ party, queue });
    emitCallEvent(this.ctx, 'EventQueued', call, queue);
    this.distribute();
  }

  /** No router is attached: the routing point applies its default route (`routeTo`) at once. */
  private route(call: Call, rp: string, routeTo: string | undefined): Delivery {
    const party = call.add({
      dn: rp,
      kind: 'routing-point',
      state: 'Routing',
      role: DNRole.Destination,
      answered: false,
    });
    emitCallEvent(this.ctx, 'EventQueued', call, rp);
    emitCallEvent(this.ctx, 'EventRouteRequest', call, rp);
    if (routeTo === undefined) return 'routing';
    emitCallEvent(this.ctx, 'EventRouteUsed', call, rp, { OtherDN: routeTo });
    emitCallEvent(this.ctx, 'EventDiverted', call, rp, { ThirdPartyDN: routeTo });
    call.remove(party);
    return this.deliver(call, routeTo);
  }
}
