import type { CallTable } from './calls/model/call-table';
import type { VoiceDevice } from './model/voice-device';
import type { ResourceUrls } from './resource-urls';

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
}

/** The voice sessions this node serves, found by user or by DN (for T-Server events). */
export class VoiceSessions {
  private readonly byUser = new Map<string, VoiceSession>();
  private readonly userByDn = new Map<string, string>();

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
