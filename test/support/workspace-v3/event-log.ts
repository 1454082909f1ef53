/**
 * What an emitter has said, in order, with a cursor: `next` returns the first item after the cursor that matches
 * (waiting for it, bounded) and moves the cursor past it. Items that do not match stay readable by later calls.
 */
export class EventLog<T> {
  private readonly items: T[] = [];
  private readonly taken = new Set<number>();
  private readonly waiters = new Set<() => void>();

  push(item: T): void {
    this.items.push(item);
    for (const wake of [...this.waiters]) wake();
  }

  all(): readonly T[] {
    return this.items;
  }

  /** The first item not yet taken that matches; rejects after `timeoutMs` naming `what` and what came. */
  next(predicate: (item: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const look = (): boolean => {
        const index = this.items.findIndex((item, i) => !this.taken.has(i) && predicate(item));
        if (index < 0) return false;
        this.taken.add(index);
        resolve(this.items[index]!);
        return true;
      };
      if (look()) return;
      const wake = (): void => {
        if (!look()) return;
        this.waiters.delete(wake);
        clearTimeout(timer);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.items)}`));
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
