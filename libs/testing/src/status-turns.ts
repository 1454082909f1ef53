/** A platform client as `statusTurns` sees it: a `status` and `status` events carrying the new one. */
export interface StatusSource<S extends string> {
  readonly status: S;
  on(event: 'status', listener: (change: { readonly status: S }) => void): unknown;
  off(event: 'status', listener: (change: { readonly status: S }) => void): unknown;
}

/**
 * Resolves on the client's first `status` event whose status satisfies `wanted`; rejects after `timeoutMs`, naming
 * `what` and the status then.
 */
export function statusTurns<S extends string>(
  client: StatusSource<S>,
  wanted: (status: S) => boolean,
  timeoutMs: number,
  what = 'the link status to change',
): Promise<S> {
  return new Promise<S>((resolve, reject) => {
    const onStatus = ({ status }: { readonly status: S }): void => {
      if (!wanted(status)) return;
      clearTimeout(timer);
      client.off('status', onStatus);
      resolve(status);
    };
    const timer = setTimeout(() => {
      client.off('status', onStatus);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (status ${client.status})`));
    }, timeoutMs);
    client.on('status', onStatus);
  });
}
