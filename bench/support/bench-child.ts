/**
 * The life cycle every benchmark child shares (forked with IPC by a bench): it ends on the parent's `stop`, when the
 * parent goes away, or on SIGTERM, after its own clean-up (bounded), and it reports a start-up failure as `failed`.
 */

/** Returns the `stop` to call on the parent's `stop` command; also wired to `disconnect` and SIGTERM. */
export function exitOnStop(cleanUp: () => Promise<unknown> | void, boundMs = 5000): () => void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), boundMs).unref();
    void Promise.resolve()
      .then(cleanUp)
      .catch(() => undefined)
      .then(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  return stop;
}

/** Tells the parent why the child cannot go on (`failed`, a message both bench protocols have), then exits. */
export function failChild(error: unknown): never {
  process.send?.({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
