import { ProtocolDefinition, WireCodec, type ValueTypeMap, type WireCodecOptions } from '@gws/tlib';
import { CONFSERV_ATTRIBUTES } from './confserv-attributes';
import { CONFSERV_MESSAGES, type ConfServMessageName } from './confserv-message-ids';

/** The Configuration Server vocabulary; framed by the shared `open-gws/1` profile under the tag "CS". */
export const CONFSERV_PROTOCOL = new ProtocolDefinition('confserv', 'ConfServ', CONFSERV_MESSAGES, CONFSERV_ATTRIBUTES);

type AttributeRow = (typeof CONFSERV_ATTRIBUTES)[number];
export type ConfServAttributeName = AttributeRow[1];
export type ConfServAttributeValues = { [R in AttributeRow as R[1]]: ValueTypeMap[R[2]] };
export type ConfServAttributes = Partial<ConfServAttributeValues>;

/** A Configuration Server message: its name and attributes by name. */
export interface ConfServMessage<N extends ConfServMessageName = ConfServMessageName> {
  readonly name: N;
  readonly attributes: ConfServAttributes;
}

export function confservMessage<N extends ConfServMessageName>(
  name: N,
  attributes: ConfServAttributes,
): ConfServMessage<N> {
  return { name, attributes };
}

export type ConfServCodec = WireCodec<ConfServMessage>;

/** A codec for Configuration Server frames; may be shared by links (encoding is synchronous). */
export function createConfServCodec(options?: WireCodecOptions): ConfServCodec {
  return new WireCodec<ConfServMessage>(CONFSERV_PROTOCOL, options);
}
