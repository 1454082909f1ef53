import type { OriginMark } from '@gws/stores';
import type { GwsTopic, GwsTopicMessage } from '../../notifications';
import { compareOrigins, parseOrigin, type EventCause, type EventOrigin } from '../event-cause';

/** A notification a standby session computed for a T-Server event, held instead of sent. */
export interface HeldNotification {
  readonly topic: GwsTopic;
  readonly data: GwsTopicMessage<GwsTopic>;
  readonly cause: EventCause;
  /** `cause.origin`, which every held notification has. */
  readonly origin: EventOrigin;
  readonly heldAt: number;
}

/** What a promoted session still has to announce, and whether the window dropped some it may have had to. */
export interface Pending {
  readonly notifications: readonly HeldNotification[];
  /** Notifications older than the window were dropped that the last holder may not have logged. */
  readonly overrun: boolean;
}

/**
 * The notifications a standby session (one that shadows a session another node holds) computed from the T-Server
 * events both nodes receive, kept for `windowMs`. When the holder dies, the node taking the session over asks the
 * user's event stream which event the holder logged last (its origin and how many messages for it) and announces
 * what follows (`pendingAfter`): the events between the holder's last append and the takeover reach the agent
 * instead of being summed up by a re-read. Notifications without an origin (warm-up snapshots) are not held: the
 * holder sent its own. While the holder lives, each message it logs says that the events before its own are
 * announced (`logged`), so the outbox keeps only what is in flight: a few objects per session rather than the whole
 * window's, which would reach the old generation and make the major GCs that show in push latency.
 */
export class StandbyOutbox {
  private held: HeldNotification[] = [];
  /** The origin of the newest notification dropped for age, if any. */
  private droppedThrough: EventOrigin | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.held.length;
  }

  hold<T extends GwsTopic>(topic: T, data: GwsTopicMessage<T>, cause: EventCause | undefined): void {
    if (cause?.origin === undefined) return;
    const heldAt = this.now();
    this.trim(heldAt);
    this.held.push({ topic, data, cause, origin: cause.origin, heldAt });
  }

  /** The holder logged a message for `origin`: what this holds of earlier events is announced already. */
  logged(origin: string): void {
    const order = parseOrigin(origin);
    if (order === undefined) return;
    let drop = 0;
    while (drop < this.held.length && compareOrigins(this.held[drop]!.origin, order) < 0) drop++;
    if (drop > 0) this.held.splice(0, drop);
  }

  /**
   * The held notifications the last holder did not log, given its mark: those of later events, and of the marked
   * event those past the `count` it logged. No mark (it logged none, or the mark expired): all of them.
   */
  pendingAfter(mark: OriginMark | undefined): Pending {
    this.trim(this.now());
    const after = mark === undefined ? undefined : parseOrigin(mark.origin);
    if (after === undefined) {
      return { notifications: [...this.held], overrun: this.droppedThrough !== undefined };
    }
    let sameOrigin = 0;
    const notifications = this.held.filter((held) => {
      const order = compareOrigins(held.origin, after);
      if (order === 0) return ++sameOrigin > mark!.count;
      return order > 0;
    });
    const overrun = this.droppedThrough !== undefined && compareOrigins(this.droppedThrough, after) > 0;
    return { notifications, overrun };
  }

  private trim(now: number): void {
    const oldest = now - this.windowMs;
    let drop = 0;
    while (drop < this.held.length && this.held[drop]!.heldAt < oldest) drop++;
    if (drop === 0) return;
    this.droppedThrough = this.held[drop - 1]!.origin;
    this.held = this.held.slice(drop);
  }
}
