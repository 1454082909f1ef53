import type { TMessage } from '@gws/tlib';

/** Sends a request and resolves with its direct reply (TServerClient.request). */
export type RequestFn = (message: TMessage) => Promise<TMessage>;
