interface Pending<R> {
  readonly resolve: (value: R) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Requests in flight, keyed by their correlation id (T-Lib ReferenceID, Config Server request id). Each settles
 * once: with its reply, its error, a timeout, or `failAll` when the link goes down.
 */
export class RequestTracker<K, R> {
  private readonly pending = new Map<K, Pending<R>>();

  get size(): number {
    return this.pending.size;
  }

  has(key: K): boolean {
    return this.pending.has(key);
  }

  track(key: K, timeoutMs: number, onTimeout: () => Error): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(key);
        reject(onTimeout());
      }, timeoutMs);
      timer.unref();
      this.pending.set(key, { resolve, reject, timer });
    });
  }

  /** Resolves the request; false when nothing waits under this key (an unmatched reply). */
  settle(key: K, value: R): boolean {
    const entry = this.take(key);
    entry?.resolve(value);
    return entry !== undefined;
  }

  fail(key: K, error: Error): boolean {
    const entry = this.take(key);
    entry?.reject(error);
    return entry !== undefined;
  }

  failAll(error: Error): void {
    for (const key of [...this.pending.keys()]) this.fail(key, error);
  }

  private take(key: K): Pending<R> | undefined {
    const entry = this.pending.get(key);
    if (entry === undefined) return undefined;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    return entry;
  }
}
