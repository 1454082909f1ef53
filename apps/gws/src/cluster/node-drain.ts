import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { AgentSessionStore, EventBus, NodeRegistry } from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { AGENT_SESSION_STORE, EVENT_BUS, NODE_REGISTRY } from '../stores/store.tokens';
import { VoiceSessions } from '../voice/voice-session';
import { CLUSTER_TOPIC, type ClusterMessage } from './cluster-message';
import { DeadNodeWatcher } from './dead-node-watcher';
import { NodeHeartbeat } from './node-heartbeat';

/** How long a draining node waits for the others to take its sessions over before it closes its T-Server link. */
export const DRAIN_TIMEOUT_MS = 10_000;
/** How often it looks whether they have. */
const DRAIN_CHECK_MS = 100;

/**
 * A graceful stop (SIGTERM; Nest's shutdown, before the HTTP server closes and before PlatformModule closes the
 * T-Server link): this node stops serving its sessions (forgets them, without unregistering their DNs, so T-Server
 * keeps the agents' state), says it is draining, leaves the registry and tells the others on the `cluster` topic,
 * which take the sessions over at once. It then waits (at most DRAIN_TIMEOUT_MS, and only while another node
 * serves) until no session record names it; closing the link afterwards drops its registrations, not the new
 * owners'.
 */
@Injectable()
export class NodeDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger('NodeDrain');

  constructor(
    @Inject(NODE_REGISTRY) private readonly registry: NodeRegistry,
    @Inject(AGENT_SESSION_STORE) private readonly agentSessions: AgentSessionStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly sessions: VoiceSessions,
    private readonly heartbeat: NodeHeartbeat,
    private readonly watcher: DeadNodeWatcher,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const me = this.config.nodeId;
    await this.watcher.stop();
    const held = this.sessions.all();
    for (const session of held) this.sessions.remove(session.userId);
    await this.heartbeat.drain();
    await this.heartbeat.leave();
    const left: ClusterMessage = { kind: 'node-left', nodeId: me };
    await this.bus.publish(CLUSTER_TOPIC, left).catch((error: Error) => {
      this.logger.warn(`could not tell the other nodes this one left: ${error.message}`);
    });
    const outcome = await this.handOver(me);
    if (outcome === 'handed-over') {
      if (held.length > 0) this.logger.log(`drained: ${held.length} session(s) handed over`);
    } else if (outcome === 'timed-out') {
      this.logger.warn(`stopping with sessions not taken over within ${DRAIN_TIMEOUT_MS} ms`);
    } else if (held.length > 0) {
      // Their records stay: a node started under this GWS_NODE_ID adopts them, any other on the agent's next request.
      this.logger.log(`stopping as the last serving node; ${held.length} session(s) stay recorded for the next one`);
    }
  }

  /** Waits until no record names this node, while another node serves, for at most DRAIN_TIMEOUT_MS. */
  private async handOver(me: string): Promise<'handed-over' | 'timed-out' | 'no-node'> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    for (;;) {
      const left = await this.agentSessions.listByNode(me).catch(() => undefined);
      if (left?.length === 0) return 'handed-over';
      if (!(await this.othersServing())) return 'no-node';
      if (Date.now() >= deadline) return 'timed-out';
      await delay(DRAIN_CHECK_MS);
    }
  }

  private async othersServing(): Promise<boolean> {
    const alive = await this.registry.alive().catch(() => []);
    return alive.some((node) => node.nodeId !== this.config.nodeId && !node.draining);
  }
}
