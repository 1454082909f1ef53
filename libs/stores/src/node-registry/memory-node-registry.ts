import { systemClock, type Clock } from '../clock';
import type { NodeInfo, NodeRegistry } from './node-registry';

interface Entry {
  readonly info: NodeInfo;
  readonly expiresAt: number;
}

/** The one node of an embedded deployment, or the nodes of a test: entries in this process only. */
export class MemoryNodeRegistry implements NodeRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: Clock = systemClock) {}

  heartbeat(info: NodeInfo, ttlMs: number): Promise<void> {
    this.entries.set(info.nodeId, { info: { ...info }, expiresAt: this.now() + ttlMs });
    return Promise.resolve();
  }

  leave(nodeId: string): Promise<void> {
    this.entries.delete(nodeId);
    return Promise.resolve();
  }

  get(nodeId: string): Promise<NodeInfo | undefined> {
    return Promise.resolve(this.live(nodeId));
  }

  alive(): Promise<NodeInfo[]> {
    return Promise.resolve([...this.entries.keys()].flatMap((nodeId) => this.live(nodeId) ?? []));
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }

  private live(nodeId: string): NodeInfo | undefined {
    const entry = this.entries.get(nodeId);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(nodeId);
      return undefined;
    }
    return { ...entry.info };
  }
}
