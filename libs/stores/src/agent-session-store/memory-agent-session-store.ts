import { systemClock, type Clock } from '../clock';
import type { AgentSessionCreateResult, AgentSessionRecord, AgentSessionStore } from './agent-session-store';

/** Agent sessions in this process only: the embedded default, where the one node holds every session. */
export class MemoryAgentSessionStore implements AgentSessionStore {
  private readonly records = new Map<string, AgentSessionRecord>();

  constructor(private readonly now: Clock = systemClock) {}

  create(record: Omit<AgentSessionRecord, 'updatedAt'>): Promise<AgentSessionCreateResult> {
    const existing = this.records.get(record.userId);
    if (existing !== undefined) return Promise.resolve({ ok: false, existing: copy(existing) });
    this.records.set(record.userId, { ...copy(record), updatedAt: this.now() });
    return Promise.resolve({ ok: true });
  }

  get(userId: string): Promise<AgentSessionRecord | undefined> {
    const record = this.records.get(userId);
    return Promise.resolve(record === undefined ? undefined : copy(record));
  }

  claim(userId: string, fromNodeId: string, toNodeId: string): Promise<AgentSessionRecord | undefined> {
    const record = this.records.get(userId);
    if (record?.nodeId !== fromNodeId) return Promise.resolve(undefined);
    const claimed = { ...record, nodeId: toNodeId, updatedAt: this.now() };
    this.records.set(userId, claimed);
    return Promise.resolve(copy(claimed));
  }

  delete(userId: string, nodeId: string): Promise<boolean> {
    if (this.records.get(userId)?.nodeId !== nodeId) return Promise.resolve(false);
    this.records.delete(userId);
    return Promise.resolve(true);
  }

  listByNode(nodeId: string): Promise<AgentSessionRecord[]> {
    return Promise.resolve([...this.records.values()].filter((record) => record.nodeId === nodeId).map(copy));
  }

  close(): Promise<void> {
    this.records.clear();
    return Promise.resolve();
  }
}

/** A copy the caller cannot change the stored record through (its `dns` array is its own). */
const copy = <R extends Omit<AgentSessionRecord, 'updatedAt'>>(record: R): R => ({ ...record, dns: [...record.dns] });
