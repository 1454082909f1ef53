import type { TMessageName } from '../protocol/message-ids';
import type { TAttributes } from '../protocol/tlib-protocol';
import type { RawAttribute } from './wire-message';

/** A T-Library message: its name and its attributes by name. The id follows from the name (`tlibMessageId`). */
export interface TMessage<N extends TMessageName = TMessageName> {
  readonly name: N;
  readonly attributes: TAttributes;
  readonly unknownAttributes?: readonly RawAttribute[];
}
