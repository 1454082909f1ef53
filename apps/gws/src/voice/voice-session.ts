import type { CallTable } from './calls/model/call-table';
import type { VoiceDevice } from './model/voice-device';
import type { ResourceUrls } from './resource-urls';
import type { StandbyOutbox } from './standby/standby-outbox';

/**
 * A user's contact-center session on this node: the place they sat down at and its devices. One per user, shared
 * by every browser (HTTP session) of that user.
 */
export interface VoiceSession {
  readonly userId: string;
  readonly userName: string;
  readonly placeName: string;
  readonly loginCode: string;
  readonly queue: string | undefined;
  readonly urls: ResourceUrls;
  /** By DN, in the place's order. */
  readonly devices: Map<string, VoiceDevice>;
  /** The calls on those devices. */
  readonly calls: CallTable;
  /** Set while the session only stands by for the node that holds it: its notifications are held, not sent. */
  standby?: StandbyOutbox | undefined;
}

/**
 * The voice sessions this node serves, found by user or by DN (for T-Server events). What changes a user's session
 * as a whole (start, end, a takeover from another node) runs `exclusive`ly for that user, one change at a time.
 */
export class VoiceSessions {
  private readonly byUser = new Map<string, VoiceSession>();
  private readonly userByDn = new Map<string, string>();
  /** Per user, the end of the last change queued: the next one starts after it. */
  private readonly changes = new Map<string, Promise<unknown>>();

  get size(): number {
    return this.byUser.size;
  }

  add(session: VoiceSession): void {
    this.byUser.set(session.userId, session);
    for (const dn of session.devices.keys()) this.userByDn.set(dn, session.userId);
  }

  remove(userId: string): VoiceSession | undefined {
    const session = this.byUser.get(userId);
    if (session === undefined) return undefined;
    this.byUser.delete(userId);
    for (const dn of session.devices.keys()) this.userByDn.delete(dn);
    return session;
  }

  ofUser(userId: string): VoiceSession | undefined {
    return this.byUser.get(userId);
  }

  ofDn(dn: string): VoiceSession | undefined {
    const userId = this.userByDn.get(dn);
    return userId === undefined ? undefined : this.byUser.get(userId);
  }

  all(): VoiceSession[] {
    return [...this.byUser.values()];
  }

  /** Whether a change of the user's session is running or queued (e.g. a takeover still seating its devices). */
  busy(userId: string): boolean {
    return this.changes.has(userId);
  }

  /** Runs `change` once every change of the user's session queued before it has settled; resolves as it does. */
  exclusive<T>(userId: string, change: () => Promise<T>): Promise<T> {
    const previous = this.changes.get(userId) ?? Promise.resolve();
    const run = async (): Promise<T> => {
      try {
        return await change();
      } finally {
        // The last change of the queue clears it before its caller resumes: `busy` is false from then on.
        if (this.changes.get(userId) === tail) this.changes.delete(userId);
      }
    };
    const result = previous.then(run, run);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.changes.set(userId, tail);
    return result;
  }

  /** Replaces one device of a session; returns the new device. */
  updateDevice(
    session: VoiceSession,
    dn: string,
    change: (device: VoiceDevice) => VoiceDevice,
  ): VoiceDevice | undefined {
    const device = session.devices.get(dn);
    if (device === undefined) return undefined;
    const next = change(device);
    session.devices.set(dn, next);
    return next;
  }
}
