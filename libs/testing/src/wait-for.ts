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
