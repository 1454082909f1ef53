import type { AttributeValue } from '../values/value-type';

/** An attribute whose id the registry does not list: kept as it came, so nothing is lost in transit. */
export interface RawAttribute {
  readonly id: number;
  /** The wire profile's value-type tag. */
  readonly type: number;
  readonly bytes: Uint8Array;
}

/** A decoded message of any protocol that uses the shared framing. */
export interface WireMessage {
  readonly name: string;
  readonly attributes: { readonly [name: string]: AttributeValue | undefined };
  readonly unknownAttributes?: readonly RawAttribute[];
}
