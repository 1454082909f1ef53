/**
 * Resolves as soon as `predicate` holds, checking every few milliseconds; rejects after `timeoutMs` naming `what`.
 * For tests that wait on state they cannot subscribe to; prefer waiting on the event itself where there is one.
 */
export async function waitFor(predicate: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Polls an asynchronous probe (a page, an HTTP API, Redis) every `intervalMs` until it says true; rejects after
 * `timeoutMs` with `what` (or what it computes then, e.g. the last state seen) in the message.
 */
export async function waitForAsync(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string | (() => string | Promise<string>),
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) {
      const described = typeof what === 'string' ? what : await what();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
