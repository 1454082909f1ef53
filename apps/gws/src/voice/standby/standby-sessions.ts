import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AgentSessionRecord, AgentSessionStore, DnMap, DnMapping, Unsubscribe } from '@gws/stores';
import type { TServerClient } from '@gws/tserver-client';
import { GWS_CONFIG, type GwsConfig } from '../../config/gws-config';
import { AgentDirectoryService } from '../../platform/agent-directory.service';
import { TSERVER_CLIENT } from '../../platform/platform.tokens';
import { GwsMetrics } from '../../metrics/gws-metrics';
import { AGENT_SESSION_STORE, DN_MAP, USER_EVENT_STREAM, type GwsUserEventStream } from '../../stores/store.tokens';
import { DeviceSeating } from '../device-seating';
import { UserNotifier } from '../user-notifier';
import { VoiceSessions, type VoiceSession } from '../voice-session';
import { StandbyOutbox } from './standby-outbox';

/** Sessions a node starts watching at once when it becomes another node's standby. */
const WATCH_CONCURRENCY = 16;

/** How long a standby session keeps what it computed: the takeover of the last session must come within it. */
export function standbyWindowMs(ttlMs: number): number {
  return Math.max(15_000, 5 * ttlMs);
}

/**
 * Hot standby for the sessions of other nodes (docs/scale-out.md, "Standby"). For each node it is the standby of
 * (`setWards`, decided by the cluster), this node registers the DNs of that node's sessions in ModeMonitor and keeps
 * a shadow of each session, fed by the same T-Server events, whose notifications are held in an outbox instead of
 * sent. When it takes such a session over (`promote`), the shadow goes live with its state as it is, and what it
 * holds past the last message the dead holder logged is announced first: the events of the takeover gap reach the
 * agent instead of being summed up by a re-read. The DN map says when a ward starts, ends or loses a session.
 */
@Injectable()
export class StandbySessions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StandbySessions');
  /** The shadows, by user and DN, each change of one user's shadow run `exclusive`ly. */
  private readonly shadows = new VoiceSessions();
  /** Which node each shadow stands by for. */
  private readonly wardOf = new Map<string, string>();
  private current: ReadonlySet<string> = new Set();
  private readonly windowMs: number;
  private unwatch: (() => Promise<void>) | undefined;
  /** The subscription to what holders log, made when this node first stands by for one. */
  private subscription: Promise<Unsubscribe> | undefined;

  constructor(
    @Inject(TSERVER_CLIENT) private readonly tserver: TServerClient,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(AGENT_SESSION_STORE) private readonly agentSessions: AgentSessionStore,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    @Inject(USER_EVENT_STREAM) private readonly stream: GwsUserEventStream,
    private readonly directory: AgentDirectoryService,
    private readonly sessions: VoiceSessions,
    private readonly seating: DeviceSeating,
    private readonly notifier: UserNotifier,
    private readonly metrics: GwsMetrics,
  ) {
    this.windowMs = standbyWindowMs(config.cluster.ttlMs);
  }

  /** The nodes this node stands by for (`setWards`). */
  get wards(): ReadonlySet<string> {
    return this.current;
  }

  get size(): number {
    return this.shadows.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.unwatch = await this.dnMap.watch((mapping) => this.onMapping(mapping));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unwatch?.();
    this.unwatch = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await (
      await subscription
    )?.();
  }

  /** The shadow a T-Server event of `dn` goes to when no live session here has the DN. */
  ofDn(dn: string): VoiceSession | undefined {
    return this.shadows.ofDn(dn);
  }

  all(): VoiceSession[] {
    return this.shadows.all();
  }

  /**
   * The nodes this node stands by for from now on: the sessions of a new ward are shadowed, those of a node no
   * longer among them dropped. Resolves once the new wards' sessions are watched.
   */
  async setWards(wards: ReadonlySet<string>): Promise<void> {
    const added = [...wards].filter((nodeId) => !this.current.has(nodeId));
    this.current = wards;
    // What the holders log: their shadows here stop holding what is announced. Not before this node stands by
    // for someone: a node alone (the in-memory default) adds nothing to its push path.
    if (wards.size > 0) {
      this.subscription ??= this.stream
        .subscribe(({ userId, origin }) => {
          if (origin !== undefined) this.shadows.ofUser(userId)?.standby?.logged(origin);
        })
        .catch((error: unknown) => {
          this.subscription = undefined;
          throw error;
        });
      await this.subscription;
    }
    for (const [userId, nodeId] of this.wardOf) {
      if (!wards.has(nodeId)) this.drop(userId);
    }
    for (const nodeId of added) {
      const records = await this.agentSessions.listByNode(nodeId);
      const worker = async (): Promise<void> => {
        for (let record = records.pop(); record !== undefined; record = records.pop()) await this.consider(record);
      };
      await Promise.all(Array.from({ length: WATCH_CONCURRENCY }, worker));
      this.logger.log(`standing by for node ${nodeId}`);
    }
  }

  /** Shadows the session of `record` if a ward holds it and nothing here has it yet. */
  consider(record: AgentSessionRecord): Promise<void> {
    const { userId } = record;
    return this.shadows
      .exclusive(userId, async () => {
        if (!this.current.has(record.nodeId) || this.shadows.ofUser(userId) !== undefined) return;
        if (this.sessions.ofUser(userId) !== undefined) return;
        const placeDns = (await this.directory.placeDns(record.placeName)) ?? [];
        const dns = placeDns.filter((dn) => record.dns.includes(dn.number));
        if (dns.length !== record.dns.length) return;
        const shadow = this.seating.newSession(record, dns);
        shadow.standby = new StandbyOutbox(this.windowMs);
        this.shadows.add(shadow);
        this.wardOf.set(userId, record.nodeId);
        try {
          for (const dn of shadow.devices.keys()) await this.seating.watch(shadow, dn);
        } catch (error) {
          await this.forget(userId);
          throw error;
        }
      })
      .catch((error: unknown) => {
        this.logger.warn(`session of ${record.userName} not watched: ${String(error)}`);
      });
  }

  /**
   * Makes the user's shadow the session this node serves, if there is one for `dns`: it joins the live sessions at
   * once (its DNs' next events are served) and first announces what it held past the last message the former
   * holder logged. Undefined: no shadow, and the caller builds the session from T-Server alone.
   */
  promote(userId: string, dns: readonly string[]): Promise<VoiceSession | undefined> {
    return this.shadows.exclusive(userId, async () => {
      const shadow = this.shadows.ofUser(userId);
      const outbox = shadow?.standby;
      if (shadow === undefined || outbox === undefined) return undefined;
      if (dns.length !== shadow.devices.size || dns.some((dn) => !shadow.devices.has(dn))) {
        await this.forget(userId);
        return undefined;
      }
      const mark = await this.notifier.latestOrigin(userId);
      // From here to the end, nothing awaits: no event of the user's DNs can fall between the outbox and live.
      const pending = outbox.pendingAfter(mark);
      this.shadows.remove(userId);
      this.wardOf.delete(userId);
      shadow.standby = undefined;
      this.sessions.add(shadow);
      for (const held of pending.notifications) {
        this.notifier.send(userId, held.topic, held.data, held.cause).catch((error: Error) => {
          this.logger.error(`held notification not sent: ${error.message}`);
        });
      }
      this.metrics.standbyPromotions.inc({ overrun: String(pending.overrun) });
      this.metrics.standbyAnnounced.inc(pending.notifications.length);
      if (pending.overrun) {
        this.logger.warn(
          `session of ${shadow.userName} taken over after the standby window: some events may be missed`,
        );
      }
      this.logger.debug(`session of ${shadow.userName} promoted; ${pending.notifications.length} held message(s) sent`);
      return shadow;
    });
  }

  /** A DN changed hands: a ward's new session is shadowed, a shadow whose DN left its ward dropped. */
  private onMapping(mapping: DnMapping): void {
    // Ours (being) taken over: `promote` deals with its shadow.
    if (mapping.nodeId === this.config.nodeId) return;
    const shadow = this.shadows.ofDn(mapping.dn);
    if (
      shadow !== undefined &&
      (mapping.userId !== shadow.userId || mapping.nodeId !== this.wardOf.get(shadow.userId))
    ) {
      this.drop(shadow.userId);
    }
    if (mapping.userId === undefined || mapping.nodeId === undefined || !this.current.has(mapping.nodeId)) return;
    if (shadow?.userId === mapping.userId && this.wardOf.get(mapping.userId) === mapping.nodeId) return;
    this.agentSessions
      .get(mapping.userId)
      .then((record) => (record === undefined ? undefined : this.consider(record)))
      .catch((error: unknown) => this.logger.warn(`session of DN ${mapping.dn} not watched: ${String(error)}`));
  }

  private drop(userId: string): void {
    this.shadows.exclusive(userId, () => this.forget(userId)).catch(() => undefined);
  }

  /** Forgets the user's shadow and unregisters its DNs, unless a live session here has them now. */
  private async forget(userId: string): Promise<void> {
    const shadow = this.shadows.remove(userId);
    this.wardOf.delete(userId);
    if (shadow === undefined) return;
    for (const dn of shadow.devices.keys()) {
      if (this.sessions.ofDn(dn) !== undefined || this.tserver.status !== 'connected') continue;
      await this.tserver.unregisterAddress(dn).catch(() => undefined);
    }
  }
}
