import type { TMessage } from '../messages/tmessage';
import type { DecodedFrame } from '../wire/wire-codec';

/**
 * A golden frame of the open-gws/1 profile: the decoded form and its exact bytes. The bytes are written out and
 * commented field by field; docs/tlib-wire.md quotes several of them, and tests check both directions.
 */
export interface WireFixture {
  readonly name: string;
  readonly frame: DecodedFrame<TMessage>;
  readonly bytes: Uint8Array;
}
