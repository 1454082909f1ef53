import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventBus, PushSessionRecord, PushSessionStore, SessionStore, Unsubscribe } from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type {
  AdoptedPushSession,
  AuthenticatedPrincipal,
  PushCluster,
  PushSessionEnd,
  SequencedMessage,
} from '../notifications';
import { sessionIdFrom } from '../sessions/session-cookie';
import {
  EVENT_BUS,
  PUSH_SESSION_STORE,
  SESSION_STORE,
  USER_EVENT_STREAM,
  type GwsUserEventStream,
} from '../stores/store.tokens';

/** How long a CometD session's record outlives its last long poll: longer than any client's retry backoff. */
export const PUSH_SESSION_TTL_MS = 120_000;

/** The bus topic a node hears "your session moved" on. */
export function nodeTopic(nodeId: string): string {
  return `node:${nodeId}`;
}

interface MovedMessage {
  readonly kind: 'push-session-moved';
  readonly clientId: string;
}

/**
 * The CometD sessions of the cluster, on the shared stores: a record per session (principal, holder node, how far
 * its client has read) in the push session store, the messages themselves in the user event stream's log, and a
 * word on the event bus to the previous holder when another node adopts a session.
 *
 * Where an adopted session starts: with the acknowledgement extension, where the client says it is; otherwise where
 * the client last confirmed (its poll after a reply confirms that reply). The reply in between may never have
 * arrived (a holder killed while sending it still looks alive until its liveness key expires), so it is sent again:
 * at worst twice, never lost. The record's `sentSeq` is not used.
 */
@Injectable()
export class StorePushCluster implements PushCluster, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PushCluster');
  private readonly movedListeners: ((clientId: string) => void)[] = [];
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    @Inject(PUSH_SESSION_STORE) private readonly records: PushSessionStore,
    @Inject(USER_EVENT_STREAM) private readonly stream: GwsUserEventStream,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
  ) {}

  get shared(): boolean {
    return this.config.redis !== undefined;
  }

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(nodeTopic(this.config.nodeId), (message) => {
      const moved = message as Partial<MovedMessage> | null;
      if (moved?.kind !== 'push-session-moved' || typeof moved.clientId !== 'string') return;
      const clientId = moved.clientId;
      // The word may come after this node took the session back: drop it only if another node still holds it.
      void this.holds(clientId).then(
        (held) => {
          if (!held) for (const listener of this.movedListeners) listener(clientId);
        },
        (error: Error) => this.logger.warn(`CometD session holder unknown: ${error.message}`),
      );
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.unsubscribe?.();
  }

  async opened(clientId: string, principal: AuthenticatedPrincipal, acknowledging: boolean): Promise<number> {
    const cursor = await this.stream.latestSeq(principal.userId);
    await this.records.create(
      {
        clientId,
        userId: principal.userId,
        userName: principal.userName,
        httpSessionId: principal.sessionId,
        nodeId: this.config.nodeId,
        confirmedSeq: cursor,
        sentSeq: cursor,
        acknowledging,
      },
      PUSH_SESSION_TTL_MS,
    );
    return cursor;
  }

  progressed(clientId: string, confirmedSeq: number): void {
    this.records
      .progress(clientId, this.config.nodeId, { confirmedSeq }, PUSH_SESSION_TTL_MS)
      .catch((error: Error) => this.logger.warn(`CometD session progress not stored: ${error.message}`));
  }

  ended(clientId: string, reason: PushSessionEnd): void {
    // A session swept for silence may have moved meanwhile; its record expires by itself.
    if (reason !== 'client' && reason !== 'server') return;
    this.records
      .delete(clientId, this.config.nodeId)
      .catch((error: Error) => this.logger.warn(`CometD session record not removed: ${error.message}`));
  }

  async adopt(
    clientId: string,
    request: IncomingMessage,
    ack: number | undefined,
  ): Promise<AdoptedPushSession | undefined> {
    const record = await this.records.get(clientId);
    if (record === undefined) return this.refused('unknown or expired');
    if (!(await this.sameClient(record, request))) return this.refused('not its client, or the login ended');
    const previous = await this.records.claim(clientId, this.config.nodeId, PUSH_SESSION_TTL_MS);
    if (previous === undefined) return this.refused('gone while claimed');
    if (previous.nodeId !== this.config.nodeId) {
      const moved: MovedMessage = { kind: 'push-session-moved', clientId };
      await this.bus.publish(nodeTopic(previous.nodeId), { ...moved });
    }
    const cursor =
      previous.acknowledging && ack !== undefined ? Math.max(ack, previous.confirmedSeq) : previous.confirmedSeq;
    return {
      principal: { userId: record.userId, userName: record.userName, sessionId: record.httpSessionId },
      acknowledging: previous.acknowledging,
      cursor,
    };
  }

  async holds(clientId: string): Promise<boolean> {
    return (await this.records.holder(clientId)) === this.config.nodeId;
  }

  async backlog(userId: string, afterSeq: number): Promise<SequencedMessage[]> {
    // The latest number first: what is appended after it only makes the log longer, never a false alarm.
    const latest = await this.stream.latestSeq(userId);
    const events = await this.stream.since(userId, afterSeq);
    if (latest > afterSeq && (events[0]?.seq ?? Infinity) > afterSeq + 1) {
      this.logger.warn(
        `the event log of user ${userId} no longer holds what follows ${afterSeq}: the client re-reads its state`,
      );
    }
    return events.map(({ seq, topic, data }) => ({ seq, channel: topic, data }));
  }

  private refused(reason: string): undefined {
    this.logger.warn(`CometD session not adopted: ${reason}; its client handshakes again`);
    return undefined;
  }

  onMoved(listener: (clientId: string) => void): void {
    this.movedListeners.push(listener);
  }

  /** The request carries the cookie of the HTTP session the session was opened on, and that session is alive. */
  private async sameClient(record: PushSessionRecord, request: IncomingMessage): Promise<boolean> {
    if (sessionIdFrom(request) !== record.httpSessionId) return false;
    return (await this.sessions.get(record.httpSessionId)) !== undefined;
  }
}
