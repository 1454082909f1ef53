import { systemClock, type Clock } from '../clock';
import type { PushSessionProgress, PushSessionRecord, PushSessionStore } from './push-session-store';

interface Entry {
  readonly record: PushSessionRecord;
  readonly expiresAt: number;
}

/**
 * Bayeux sessions in this process only: the embedded default. Entries are kept in the order they were last written,
 * so each write drops the expired ones from the front and a session nobody reads again does not stay forever.
 */
export class MemoryPushSessionStore implements PushSessionStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: Clock = systemClock) {}

  create(record: Omit<PushSessionRecord, 'updatedAt'>, ttlMs: number): Promise<void> {
    this.write({ ...record, updatedAt: this.now() }, ttlMs);
    return Promise.resolve();
  }

  get(clientId: string): Promise<PushSessionRecord | undefined> {
    return Promise.resolve(this.live(clientId));
  }

  holder(clientId: string): Promise<string | undefined> {
    return Promise.resolve(this.live(clientId)?.nodeId);
  }

  progress(clientId: string, nodeId: string, progress: PushSessionProgress, ttlMs: number): Promise<boolean> {
    const record = this.live(clientId);
    if (record?.nodeId !== nodeId) return Promise.resolve(false);
    this.write(
      {
        ...record,
        confirmedSeq: Math.max(record.confirmedSeq, progress.confirmedSeq ?? record.confirmedSeq),
        sentSeq: Math.max(record.sentSeq, progress.sentSeq ?? record.sentSeq),
        updatedAt: this.now(),
      },
      ttlMs,
    );
    return Promise.resolve(true);
  }

  claim(clientId: string, nodeId: string, ttlMs: number): Promise<PushSessionRecord | undefined> {
    const record = this.live(clientId);
    if (record !== undefined) this.write({ ...record, nodeId, updatedAt: this.now() }, ttlMs);
    return Promise.resolve(record);
  }

  delete(clientId: string, nodeId: string): Promise<boolean> {
    const record = this.live(clientId);
    if (record?.nodeId !== nodeId) return Promise.resolve(false);
    this.entries.delete(clientId);
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }

  private write(record: PushSessionRecord, ttlMs: number): void {
    const now = this.now();
    this.entries.delete(record.clientId);
    this.entries.set(record.clientId, { record, expiresAt: now + ttlMs });
    for (const [clientId, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(clientId);
    }
  }

  private live(clientId: string): PushSessionRecord | undefined {
    const entry = this.entries.get(clientId);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(clientId);
      return undefined;
    }
    return entry.record;
  }
}
