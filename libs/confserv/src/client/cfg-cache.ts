import { applyCfgDelta } from '../objects/cfg-object-codec';
import type { CfgDelta, CfgModelledType, CfgObject, CfgObjectMap } from '../objects/cfg-objects';

/**
 * Objects read so far, by type and DBID, kept current by notifications: created objects are added, deltas merged
 * into objects already held (a delta alone is not a whole object), deleted ones dropped. The client clears it when
 * the link drops, since notifications missed meanwhile would leave it stale.
 */
export class CfgCache {
  private readonly byType = new Map<CfgModelledType, Map<number, CfgObject>>();

  get size(): number {
    let count = 0;
    for (const objects of this.byType.values()) count += objects.size;
    return count;
  }

  get<T extends CfgModelledType>(type: T, dbid: number): CfgObjectMap[T] | undefined {
    return this.byType.get(type)?.get(dbid) as CfgObjectMap[T] | undefined;
  }

  all<T extends CfgModelledType>(type: T): CfgObjectMap[T][] {
    return [...(this.byType.get(type)?.values() ?? [])] as CfgObjectMap[T][];
  }

  put<T extends CfgModelledType>(type: T, objects: readonly CfgObjectMap[T][]): void {
    const held = this.table(type);
    for (const object of objects) held.set(object.DBID, object);
  }

  /** Merges a delta into the object held; returns the merged object, or undefined when none was held. */
  update<T extends CfgModelledType>(type: T, delta: CfgDelta<CfgObjectMap[T]>): CfgObjectMap[T] | undefined {
    const held = this.get(type, delta.DBID);
    if (held === undefined) return undefined;
    const merged = applyCfgDelta<CfgObjectMap[T]>(held, delta);
    this.table(type).set(delta.DBID, merged);
    return merged;
  }

  delete(type: CfgModelledType, dbid: number): boolean {
    return this.byType.get(type)?.delete(dbid) ?? false;
  }

  clear(): void {
    this.byType.clear();
  }

  private table(type: CfgModelledType): Map<number, CfgObject> {
    let held = this.byType.get(type);
    if (held === undefined) {
      held = new Map();
      this.byType.set(type, held);
    }
    return held;
  }
}
