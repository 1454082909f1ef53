import { systemClock, type Clock } from '../clock';
import type { JsonObject } from '../json';
import type { SessionStore, StoredSession } from './session-store';

/** Sessions in this process only: the embedded default. Expired entries are dropped when read or swept. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly byUser = new Map<string, Set<string>>();

  constructor(private readonly now: Clock = systemClock) {}

  create(session: StoredSession): Promise<void> {
    this.sessions.set(session.id, session);
    const ids = this.byUser.get(session.userId) ?? new Set<string>();
    ids.add(session.id);
    this.byUser.set(session.userId, ids);
    return Promise.resolve();
  }

  get(id: string): Promise<StoredSession | undefined> {
    return Promise.resolve(this.live(id));
  }

  touch(id: string, expiresAt: number): Promise<boolean> {
    return Promise.resolve(this.replace(id, (session) => ({ ...session, expiresAt })));
  }

  update(id: string, data: JsonObject): Promise<boolean> {
    return Promise.resolve(this.replace(id, (session) => ({ ...session, data: structuredClone(data) })));
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.remove(id));
  }

  listByUser(userId: string): Promise<StoredSession[]> {
    const ids = [...(this.byUser.get(userId) ?? [])];
    return Promise.resolve(ids.flatMap((id) => this.live(id) ?? []));
  }

  sweepExpired(): Promise<number> {
    const now = this.now();
    let removed = 0;
    for (const session of this.sessions.values()) {
      if (session.expiresAt <= now && this.remove(session.id)) removed++;
    }
    return Promise.resolve(removed);
  }

  close(): Promise<void> {
    this.sessions.clear();
    this.byUser.clear();
    return Promise.resolve();
  }

  private live(id: string): StoredSession | undefined {
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.now()) {
      this.remove(id);
      return undefined;
    }
    return session;
  }

  private replace(id: string, change: (session: StoredSession) => StoredSession): boolean {
    const session = this.live(id);
    if (session === undefined) return false;
    this.sessions.set(id, change(session));
    return true;
  }

  private remove(id: string): boolean {
    const session = this.sessions.get(id);
    if (session === undefined) return false;
    this.sessions.delete(id);
    const ids = this.byUser.get(session.userId);
    ids?.delete(id);
    if (ids?.size === 0) this.byUser.delete(session.userId);
    return true;
  }
}
