import type { ValueTypeMap } from '../values/value-type';
import { TLIB_ATTRIBUTES } from './attribute-ids';
import { TLIB_MESSAGE_NAMES, type TMessageName } from './message-ids';
import { ProtocolDefinition } from './protocol-definition';

/** The T-Library vocabulary: message ids 0-182, attribute ids 0-148. */
export const TLIB_PROTOCOL = new ProtocolDefinition(
  'tlib',
  'T-Lib',
  TLIB_MESSAGE_NAMES.map((name, id) => [id, name] as const),
  TLIB_ATTRIBUTES,
);

type AttributeRow = (typeof TLIB_ATTRIBUTES)[number];
export type TAttributeName = AttributeRow[1];
/** Attribute name -> JavaScript value type, derived from the attribute table. */
export type TAttributeValues = { [R in AttributeRow as R[1]]: ValueTypeMap[R[2]] };
export type TAttributes = Partial<TAttributeValues>;

export function tlibMessageId(name: TMessageName): number {
  return TLIB_PROTOCOL.messageId(name);
}

export function tlibMessageName(id: number): TMessageName {
  return TLIB_PROTOCOL.messageName(id) as TMessageName;
}
