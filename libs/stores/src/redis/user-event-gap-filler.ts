import type { Clock } from '../clock';
import type { UserEvent } from '../user-event-stream/user-event-stream';

/** Reads a user's logged events with `seq > afterSeq`, oldest first, at most `limit`. */
export type LoggedEvents<M> = (userId: string, afterSeq: number, limit?: number) => Promise<UserEvent<M>[]>;

/** Where one user's delivery stands on this node. */
interface Cursor<M> {
  readonly userId: string;
  /** The last sequence number delivered. */
  last: number;
  heardAt: number;
  /** Events received while the log is being read, delivered after it. */
  readonly pending: UserEvent<M>[];
  /** The subscription was down: read whatever the log holds past `last`. */
  catchUp: boolean;
  reading: boolean;
}

/**
 * Turns what one node's subscriber connection receives into each user's events in `seq` order, none twice, none
 * missing that the log still holds. Redis pub/sub drops what is published while a subscriber reconnects; a seq past
 * `last + 1` shows the hole, and the missing events are read from the log before it. Events that arrive meanwhile
 * queue behind the read, so the user's order holds. A user not heard from for `forgetAfterMs` is forgotten (by
 * then the log has aged out anything a hole could be filled with); the next event starts the user afresh.
 */
export class UserEventGapFiller<M> {
  /** Least recently heard first, so forgetting reads from the front. */
  private readonly cursors = new Map<string, Cursor<M>>();

  constructor(
    private readonly logged: LoggedEvents<M>,
    private readonly deliver: (event: UserEvent<M>) => void,
    private readonly now: Clock,
    private readonly forgetAfterMs: number,
  ) {}

  receive(event: UserEvent<M>): void {
    const cursor = this.heard(event);
    if (cursor.reading) {
      cursor.pending.push(event);
    } else if (event.seq === cursor.last + 1) {
      cursor.last = event.seq;
      this.deliver(event);
    } else if (event.seq > cursor.last) {
      cursor.pending.push(event);
      void this.drain(cursor);
    }
  }

  /** After the subscription was down: every user heard from reads from the log what it may have missed. */
  catchUp(): void {
    for (const cursor of this.cursors.values()) {
      cursor.catchUp = true;
      if (!cursor.reading) void this.drain(cursor);
    }
  }

  forgetAll(): void {
    this.cursors.clear();
  }

  private heard(event: UserEvent<M>): Cursor<M> {
    const now = this.now();
    const known = this.cursors.get(event.userId);
    const cursor = known ?? {
      userId: event.userId,
      last: event.seq - 1,
      heardAt: now,
      pending: [],
      catchUp: false,
      reading: false,
    };
    cursor.heardAt = now;
    this.cursors.delete(event.userId);
    this.cursors.set(event.userId, cursor);
    for (const [userId, old] of this.cursors) {
      if (old.heardAt >= now - this.forgetAfterMs || old.reading) break;
      this.cursors.delete(userId);
    }
    return cursor;
  }

  private async drain(cursor: Cursor<M>): Promise<void> {
    cursor.reading = true;
    try {
      for (;;) {
        if (cursor.catchUp) {
          cursor.catchUp = false;
          await this.fill(cursor, Number.MAX_SAFE_INTEGER);
          continue;
        }
        const next = cursor.pending.shift();
        if (next === undefined) return;
        if (next.seq > cursor.last + 1) await this.fill(cursor, next.seq);
        if (next.seq > cursor.last) {
          cursor.last = next.seq;
          this.deliver(next);
        }
      }
    } finally {
      cursor.reading = false;
    }
  }

  /** Delivers the logged events between `last` and `before`; what the log no longer holds (or cannot give) is lost. */
  private async fill(cursor: Cursor<M>, before: number): Promise<void> {
    let missing: UserEvent<M>[];
    try {
      missing = await this.logged(cursor.userId, cursor.last, before - cursor.last - 1);
    } catch {
      return;
    }
    for (const event of missing) {
      if (event.seq <= cursor.last || event.seq >= before) continue;
      cursor.last = event.seq;
      this.deliver(event);
    }
  }
}
