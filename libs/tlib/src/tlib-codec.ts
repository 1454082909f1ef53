import type { TMessage } from './messages/tmessage';
import { TLIB_PROTOCOL } from './protocol/tlib-protocol';
import { WireCodec, type WireCodecOptions } from './wire/wire-codec';

export type TlibCodec = WireCodec<TMessage>;

/** A codec for T-Library frames. One per link: it owns a reusable encode buffer. */
export function createTlibCodec(options?: WireCodecOptions): TlibCodec {
  return new WireCodec<TMessage>(TLIB_PROTOCOL, options);
}
