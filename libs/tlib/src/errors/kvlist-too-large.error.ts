import { TlibError } from './tlib.error';

/** A KVList (typically a call's UserData) packs to more bytes than the configured cap. */
export class KVListTooLargeError extends TlibError {
  constructor(
    readonly packedBytes: number,
    readonly capBytes: number,
  ) {
    super('KVLIST_TOO_LARGE', `KVList packs to ${packedBytes} bytes, over the cap of ${capBytes} bytes`);
  }
}
