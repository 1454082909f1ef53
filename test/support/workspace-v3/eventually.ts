/**
 * Resolves with `read()`'s value once `accept` holds of it, reading again every 20 ms; rejects after `timeoutMs`
 * naming `what` and the last value read. For state only reachable by asking (a REST answer, the simulator's
 * snapshot), where there is no event to wait on.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
