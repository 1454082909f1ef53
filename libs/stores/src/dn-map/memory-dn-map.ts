import { systemClock, type Clock } from '../clock';
import type { AssignResult, DnMap, DnMapping, DnOwner, EndpointRegistration } from './dn-map';

type Watcher = (mapping: DnMapping) => void;

export class MemoryDnMap implements DnMap {
  private readonly rows = new Map<string, DnMapping>();
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly now: Clock = systemClock) {}

  get(dn: string): Promise<DnMapping | undefined> {
    return Promise.resolve(this.rows.get(dn));
  }

  assign(dn: string, owner: DnOwner): Promise<AssignResult> {
    const current = this.rows.get(dn);
    if (current?.userId !== undefined && current.userId !== owner.userId) {
      return Promise.resolve({ ok: false, heldBy: current.userName ?? current.userId });
    }
    const mapping: DnMapping = {
      dn,
      registration: current?.registration ?? 'unknown',
      ...(current?.sipEndpoint === undefined ? {} : { sipEndpoint: current.sipEndpoint }),
      ...owner,
      updatedAt: this.now(),
    };
    this.write(mapping);
    return Promise.resolve({ ok: true, mapping });
  }

  release(dn: string, userId: string): Promise<boolean> {
    const current = this.rows.get(dn);
    if (current?.userId !== userId) return Promise.resolve(false);
    this.write({
      dn,
      registration: current.registration,
      ...(current.sipEndpoint === undefined ? {} : { sipEndpoint: current.sipEndpoint }),
      updatedAt: this.now(),
    });
    return Promise.resolve(true);
  }

  transfer(dn: string, userId: string, fromNodeId: string, toNodeId: string): Promise<boolean> {
    const current = this.rows.get(dn);
    if (current?.userId !== userId || current.nodeId !== fromNodeId) return Promise.resolve(false);
    this.write({ ...current, nodeId: toNodeId, updatedAt: this.now() });
    return Promise.resolve(true);
  }

  setEndpoint(dn: string, endpoint: { sipEndpoint?: string; registration: EndpointRegistration }): Promise<void> {
    const current = this.rows.get(dn) ?? { dn, registration: 'unknown' as const, updatedAt: 0 };
    this.write({ ...current, ...endpoint, updatedAt: this.now() });
    return Promise.resolve();
  }

  findByUser(userId: string): Promise<DnMapping[]> {
    return Promise.resolve([...this.rows.values()].filter((row) => row.userId === userId));
  }

  list(): Promise<DnMapping[]> {
    return Promise.resolve([...this.rows.values()]);
  }

  watch(handler: Watcher): Promise<() => Promise<void>> {
    this.watchers.add(handler);
    return Promise.resolve(() => {
      this.watchers.delete(handler);
      return Promise.resolve();
    });
  }

  close(): Promise<void> {
    this.rows.clear();
    this.watchers.clear();
    return Promise.resolve();
  }

  private write(mapping: DnMapping): void {
    this.rows.set(mapping.dn, mapping);
    for (const watcher of this.watchers) queueMicrotask(() => watcher(mapping));
  }
}
