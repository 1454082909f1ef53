import type { Server } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NodeInfo, NodeRegistry } from '@gws/stores';
import type { TServerClient } from '@gws/tserver-client';
import { PeriodicTask } from '../common/periodic-task';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { TSERVER_CLIENT } from '../platform/platform.tokens';
import { NODE_REGISTRY } from '../stores/store.tokens';

/**
 * Keeps this node alive to the others: its NodeInfo, written every `cluster.heartbeatMs` with a time to live of
 * `cluster.ttlMs`. The first heartbeat waits until the HTTP server listens (until then no one can forward to it).
 * A node stands by for another (NODE_STANDBY) only while its T-Server link is up: without it, it could neither watch
 * the other's DNs nor take its sessions over, and the others would wait the standby window for nothing.
 * `drain` announces the node draining and `leave` removes it; `stop` ends the heartbeats and nothing else, which is
 * how a crash looks to the others.
 */
@Injectable()
export class NodeHeartbeat extends PeriodicTask {
  protected readonly periodMs: number;
  private readonly logger = new Logger('NodeHeartbeat');
  private readonly startedAt = Date.now();
  private state: 'serving' | 'draining' | 'stopped' = 'serving';
  private failing = false;
  /** Since when this node's heartbeats have been written without a failure. */
  private healthySince: number | undefined;

  constructor(
    @Inject(NODE_REGISTRY) private readonly registry: NodeRegistry,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
  ) {
    super();
    this.periodMs = config.cluster.heartbeatMs;
  }

  /** True from `drain` on: the node lets its sessions go and takes none. */
  get draining(): boolean {
    return this.state !== 'serving';
  }

  /**
   * True once this node's heartbeats have been written for a whole TTL: the others have had the time to write theirs
   * too, so an entry missing now means a dead node, not a Redis outage that has just ended (after which every entry
   * may be gone for a moment, and taking every node's sessions over would be a storm).
   */
  get livenessKnown(): boolean {
    return this.livenessKnownIn === 0;
  }

  /**
   * How long until {@link livenessKnown} turns true if the heartbeats keep being written: 0 when it is; undefined
   * while they fail (nobody can tell how long that lasts).
   */
  get livenessKnownIn(): number | undefined {
    if (this.healthySince === undefined) return undefined;
    return Math.max(0, this.healthySince + this.config.cluster.ttlMs - Date.now());
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    const server = this.server();
    if (server.listening) void this.runOnce();
    else server.once('listening', () => void this.runOnce());
  }

  /** Stops the heartbeats; the entry expires after `ttlMs`, as a dead node's would. */
  stop(): void {
    this.state = 'stopped';
    super.onApplicationShutdown();
  }

  /** Stops the heartbeats and writes one last entry that says the node is draining. */
  async drain(): Promise<void> {
    this.stop();
    await this.beat(true);
  }

  /** Removes this node's entry now: to the others it is dead (a clean stop). */
  async leave(): Promise<void> {
    this.stop();
    await this.registry
      .leave(this.config.nodeId)
      .catch((error: Error) => this.logger.warn(`could not leave the node registry: ${error.message}`));
  }

  protected runOnce(): Promise<void> {
    return this.state === 'serving' && this.server().listening ? this.beat(false) : Promise.resolve();
  }

  private async beat(draining: boolean): Promise<void> {
    const info: NodeInfo = {
      nodeId: this.config.nodeId,
      internalUrl: this.internalUrl(),
      startedAt: this.startedAt,
      draining,
      standby: this.config.cluster.standby && this.tserver.status === 'connected',
    };
    try {
      await this.registry.heartbeat(info, this.config.cluster.ttlMs);
      if (this.failing) this.logger.log('heartbeats are written again');
      this.failing = false;
      this.healthySince ??= Date.now();
    } catch (error) {
      this.healthySince = undefined;
      // Said once per outage: a node that cannot write its heartbeat soon counts as dead to the others.
      if (!this.failing)
        this.logger.warn(`heartbeat not written: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
    }
  }

  private internalUrl(): string {
    const address = this.server().address();
    return internalUrlOf(this.config.cluster.internalUrl, typeof address === 'object' ? address?.port : undefined);
  }

  private server(): Server {
    return this.adapterHost.httpAdapter.getHttpServer() as Server;
  }
}

/** The configured internal URL; with port 0 (a free port, as tests use) the port the HTTP server got. */
export function internalUrlOf(configured: string, listeningPort: number | undefined): string {
  const url = new URL(configured);
  if (url.port === '0' && listeningPort !== undefined) url.port = String(listeningPort);
  return url.origin;
}
