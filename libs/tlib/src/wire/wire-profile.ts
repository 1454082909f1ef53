/**
 * Wire profile `open-gws/1`: every byte-level decision of the framing lives in this folder, documented byte by
 * byte in docs/tlib-wire.md. It reuses the public message and attribute ids but is NOT verified against a
 * production T-Server or Configuration Server; a profile built from real captures replaces this folder only.
 *
 * Frame:      tag u16 | kind u8 | payloadLength u32 | payload        (all integers big-endian)
 * Message:    messageId u16 | attributeCount u16 | attribute*
 * Attribute:  attributeId u16 | valueType u8 | valueLength u32 | value
 * ADDP:       token u32
 */
import type { ValueType } from '../values/value-type';

export const WIRE_PROFILE_NAME = 'open-gws/1';

/** Two ASCII letters per protocol, so a client that dials the wrong server fails on the first frame. */
export const PROTOCOL_TAGS: Readonly<Record<string, number>> = {
  tlib: 0x544c, // "TL"
  confserv: 0x4353, // "CS"
};

export const FrameKind = { Message: 1, AddpPoll: 2, AddpReply: 3 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

export const FRAME_HEADER_BYTES = 7;
export const MESSAGE_HEADER_BYTES = 4;
export const ATTRIBUTE_HEADER_BYTES = 7;
export const ADDP_PAYLOAD_BYTES = 4;

/** Default and ceiling for the whole frame, header included. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
export const MAX_FRAME_BYTES_LIMIT = 64 * 1024 * 1024;

/** Nested KVLists deeper than this are refused both ways, so hostile input cannot exhaust the stack. */
export const MAX_KVLIST_DEPTH = 32;

export const VALUE_TYPE_TAGS: Readonly<Record<ValueType, number>> = {
  int: 1,
  long: 2,
  connid: 3,
  string: 4,
  binary: 5,
  kvlist: 6,
  timestamp: 7,
};

export const VALUE_TYPE_BY_TAG: readonly (ValueType | undefined)[] = (() => {
  const byTag: (ValueType | undefined)[] = [];
  for (const [type, tag] of Object.entries(VALUE_TYPE_TAGS)) byTag[tag] = type as ValueType;
  return byTag;
})();

/** Value lengths for the fixed-size types; the others are variable. */
export const FIXED_VALUE_BYTES: Readonly<Partial<Record<ValueType, number>>> = {
  int: 4,
  long: 8,
  connid: 8,
  timestamp: 8,
};

/** KVList pair: keyLength u16 | key | kind u8 | value. Strings, binaries and nested lists carry a u32 length. */
export const KV_PAIR_MIN_BYTES = 2 + 1 + 4;
export const MAX_KV_KEY_BYTES = 0xffff;
