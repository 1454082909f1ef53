import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AgentSessionStore, EventBus, NodeInfo, NodeRegistry, Unsubscribe } from '@gws/stores';
import type { TServerClient } from '@gws/tserver-client';
import { PeriodicTask } from '../common/periodic-task';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import { AGENT_SESSION_STORE, EVENT_BUS, NODE_REGISTRY } from '../stores/store.tokens';
import { ContactCenterSessionService } from '../voice/contact-center-session.service';
import { StandbySessions, standbyWindowMs } from '../voice/standby/standby-sessions';
import { CLUSTER_TOPIC, clusterMessage } from './cluster-message';
import { watchNodes } from './dead-nodes';
import { NodeHeartbeat } from './node-heartbeat';
import { standbyOf, wardsOf } from './standby-wards';

/**
 * Sessions one node adopts at once: each costs a few Redis, T-Server and Configuration Server round trips. 64 took
 * about 1,000 sessions over in 4.6-5.5 s after the kill on the benchmark's VM, against 7.8-10 s with 16 and no
 * better with 128 (docs/bench-events.md, "Two nodes with the standby").
 */
const TAKEOVER_CONCURRENCY = 64;

/**
 * Takes over the sessions of nodes that die. Every `cluster.heartbeatMs` it looks at the registry: a node it saw
 * serving that is no longer alive, or one that drains, is dead, and every session it held is claimed (one node wins
 * each, by compare-and-set) and adopted here. A node that leaves says so on the `cluster` topic, and the watchers
 * take over at once. The first pass also adopts the sessions this node's own records name but that it does not
 * hold (it restarted under the same GWS_NODE_ID). A node whose T-Server link is down takes nothing over, nor does
 * one whose own heartbeats have not yet been written for a whole TTL (NodeHeartbeat.livenessKnown).
 *
 * Each pass also tells the standby (voice/standby/) which nodes this node stands by for (`wardsOf`). A dead node's
 * standby takes its sessions over at once, with the events of the gap; the other nodes leave them to it while it is
 * alive, and step in for what is left only when it is not, or once the standby's window has passed (its T-Server
 * link is down, say): a takeover of hundreds of sessions takes seconds, and a node joining in meanwhile would take
 * some without their events.
 */
@Injectable()
export class DeadNodeWatcher extends PeriodicTask implements OnModuleInit {
  protected readonly periodMs: number;
  private readonly logger = new Logger('DeadNodeWatcher');
  private seen: ReadonlySet<string> = new Set();
  /** When each node still to be taken over was first seen dead (this node's clock). */
  private readonly deadSince = new Map<string, number>();
  /** Whether this node's own records are all adopted (again false after an adoption failed). */
  private ownAdopted = false;
  private pass: Promise<void> | undefined;
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    @Inject(NODE_REGISTRY) private readonly registry: NodeRegistry,
    @Inject(AGENT_SESSION_STORE) private readonly agentSessions: AgentSessionStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly contactCenter: ContactCenterSessionService,
    private readonly heartbeat: NodeHeartbeat,
    private readonly standby: StandbySessions,
  ) {
    super();
    this.periodMs = config.cluster.heartbeatMs;
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(CLUSTER_TOPIC, (message) => {
      const left = clusterMessage(message);
      if (left === undefined || left.nodeId === this.config.nodeId) return;
      // Its standby at once (this node may not know its wards yet: it asks the ring); the others leave it to the
      // standby, and the passes to come.
      this.registry
        .alive()
        .then((alive) => (this.standbyFirst(left.nodeId, alive) ? this.takeOverFrom(left.nodeId) : undefined))
        .catch((error: Error) => {
          this.logger.warn(`sessions of node ${left.nodeId} not taken over: ${error.message}`);
        });
    });
  }

  /** No more takeovers here (the node drains or stops). */
  async stop(): Promise<void> {
    super.onApplicationShutdown();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.().catch(() => undefined);
  }

  override onApplicationShutdown(): void {
    void this.stop();
  }

  /** One pass at a time: a pass that runs long (many sessions) is not overtaken by the next. */
  protected runOnce(): Promise<void> {
    this.pass ??= this.sweep().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async sweep(): Promise<void> {
    if (!this.canTakeOver()) return;
    try {
      if (!this.ownAdopted) this.ownAdopted = await this.takeOverFrom(this.config.nodeId);
      const alive = await this.registry.alive();
      const aliveIds = new Set(alive.map((node) => node.nodeId));
      // From the first pass (a cluster may lose a node while young): a ward gone from the registry stays one
      // until its sessions are taken over, and counts as dead even if this node never saw it serving.
      const goneWards = [...this.standby.wards].filter((id) => !aliveIds.has(id));
      if (this.config.cluster.standby) this.standBy([...wardsOf(alive, this.config.nodeId), ...goneWards]);
      // Until then a missing entry may be an outage just ended rather than a dead node.
      if (!this.heartbeat.livenessKnown) return;
      const watch = watchNodes(this.seen, alive, this.config.nodeId);
      this.seen = watch.seen;
      const dead = new Set([...watch.dead, ...goneWards]);
      const now = Date.now();
      for (const nodeId of this.deadSince.keys()) if (!dead.has(nodeId)) this.deadSince.delete(nodeId);
      for (const nodeId of dead) if (!this.deadSince.has(nodeId)) this.deadSince.set(nodeId, now);
      const grace = standbyWindowMs(this.config.cluster.ttlMs);
      const due = [...dead].filter(
        (nodeId) => this.standbyFirst(nodeId, alive) || now - this.deadSince.get(nodeId)! >= grace,
      );
      for (const nodeId of due) {
        if (!(await this.takeOverFrom(nodeId))) continue;
        this.seen = new Set([...this.seen].filter((seen) => seen !== nodeId));
        if (this.standby.wards.has(nodeId)) this.standBy([...this.standby.wards].filter((ward) => ward !== nodeId));
      }
    } catch (error) {
      this.logger.warn(`cluster watch failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Claims and adopts every session `nodeId` holds (this node's own: those not held here); true when none is left
   * to try (a session another node won counts as done). Several nodes run this at once for a dead node: each goes
   * through the sessions in its own random order, so that they share the work.
   */
  private async takeOverFrom(nodeId: string): Promise<boolean> {
    if (!this.canTakeOver()) return false;
    const started = Date.now();
    const records = shuffled(await this.agentSessions.listByNode(nodeId));
    const listed = records.length;
    let adopted = 0;
    let failed = 0;
    const worker = async (): Promise<void> => {
      for (let record = records.pop(); record !== undefined; record = records.pop()) {
        try {
          if ((await this.contactCenter.takeOver(record.userId, nodeId)) === 'adopted') adopted++;
        } catch (error) {
          failed++;
          const reason = error instanceof Error ? error.message : String(error);
          this.logger.warn(`session of ${record.userName} not taken over from node ${nodeId}: ${reason}`);
        }
      }
    };
    await Promise.all(Array.from({ length: TAKEOVER_CONCURRENCY }, worker));
    if (adopted > 0 && nodeId !== this.config.nodeId) {
      this.logger.log(`took over ${adopted} of ${listed} session(s) of node ${nodeId} in ${Date.now() - started} ms`);
    } else if (adopted > 0) {
      this.logger.log(`adopted ${adopted} session(s) this node held before it restarted`);
    }
    // A session claimed but not adopted is this node's now: the next pass adopts it.
    if (failed > 0) this.ownAdopted = false;
    return failed === 0;
  }

  /** Whether this node takes the sessions of `nodeId` over now: it is its standby, or no alive node is. */
  private standbyFirst(nodeId: string, alive: readonly NodeInfo[]): boolean {
    const standby = standbyOf(nodeId, alive);
    return this.standby.wards.has(nodeId) || standby === undefined || standby === this.config.nodeId;
  }

  /** Tells the standby which nodes this node stands by for now. */
  private standBy(wards: readonly string[]): void {
    this.standby.setWards(new Set(wards)).catch((error: Error) => {
      this.logger.warn(`standby not set up: ${error.message}`);
    });
  }

  private canTakeOver(): boolean {
    return !this.heartbeat.draining && this.tserver.status === 'connected';
  }
}

/** A copy of `items` in random order (Fisher-Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
