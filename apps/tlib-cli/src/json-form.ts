import {
  KVList,
  TLIB_PROTOCOL,
  toConnId,
  type AttributeValue,
  type DecodedFrame,
  type RawAttribute,
  type TMessage,
  type TMessageName,
  type TimeStamp,
} from '@gws/tlib';
import { CliError } from './cli-error';
import { toHex } from './hex';
import type { Json, JsonObject } from './json';
import { isObject, jsonToKVList, kvListToJson, parseHexValue } from './kvlist-json';

/**
 * The CLI's JSON form of a frame, printed by `decode` and read by `encode`:
 *   {"message":"EventRinging","id":60,"attributes":{"ThisDN":"5001",...},"unknownAttributes":[{"id":300,"type":9,"hex":"01"}]}
 *   {"addp":"poll","token":7}
 * Attributes go by name: int and long as numbers, ConnID as 16 hex digits, binary as a hex string, TimeStamp as
 * {"seconds","microseconds"}, KVLists as described in kvlist-json.ts. `id` and `unknownAttributes` are optional.
 */
export function frameToJson(frame: DecodedFrame<TMessage>): JsonObject {
  if (frame.kind === 'addp-poll') return { addp: 'poll', token: frame.token };
  if (frame.kind === 'addp-reply') return { addp: 'reply', token: frame.token };
  const { name, attributes, unknownAttributes } = frame.message;
  const json: JsonObject = {
    message: name,
    id: TLIB_PROTOCOL.messageId(name),
    attributes: attributesToJson(attributes),
  };
  if (unknownAttributes !== undefined) {
    json.unknownAttributes = unknownAttributes.map(({ id, type, bytes }) => ({ id, type, hex: toHex(bytes) }));
  }
  return json;
}

function attributesToJson(attributes: TMessage['attributes']): JsonObject {
  const json: JsonObject = {};
  for (const [name, value] of Object.entries(attributes) as [string, AttributeValue | undefined][]) {
    if (value !== undefined) json[name] = valueToJson(value);
  }
  return json;
}

function valueToJson(value: AttributeValue): Json {
  if (value instanceof KVList) return kvListToJson(value);
  if (value instanceof Uint8Array) return toHex(value);
  if (typeof value === 'object') return { seconds: value.seconds, microseconds: value.microseconds };
  return value;
}

export function jsonToFrame(json: Json): DecodedFrame<TMessage> {
  if (!isObject(json)) throw new CliError('expected a JSON object for each frame');
  if ('addp' in json) return jsonToAddp(json);
  checkFields(json, ['message', 'id', 'attributes', 'unknownAttributes'], 'frame');
  const { message: name, id } = json;
  if (typeof name !== 'string') throw new CliError('frame: "message" must name a T-Lib message');
  const messageId = TLIB_PROTOCOL.messageId(name);
  if (id !== undefined && id !== messageId) throw new CliError(`${name}: id ${JSON.stringify(id)} is not ${messageId}`);
  const message: TMessage = { name: name as TMessageName, attributes: jsonToAttributes(json.attributes ?? {}, name) };
  if (json.unknownAttributes === undefined) return { kind: 'message', message };
  return { kind: 'message', message: { ...message, unknownAttributes: jsonToUnknown(json.unknownAttributes, name) } };
}

function jsonToAddp(json: JsonObject): DecodedFrame<TMessage> {
  checkFields(json, ['addp', 'token'], 'ADDP frame');
  const { addp, token } = json;
  if (typeof token !== 'number') throw new CliError('ADDP frame: "token" must be a number');
  if (addp === 'poll') return { kind: 'addp-poll', token };
  if (addp === 'reply') return { kind: 'addp-reply', token };
  throw new CliError(`ADDP frame: "addp" must be "poll" or "reply", not ${JSON.stringify(addp)}`);
}

function jsonToAttributes(json: Json, messageName: string): TMessage['attributes'] {
  if (!isObject(json)) throw new CliError(`${messageName}: "attributes" must be an object`);
  const attributes: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(json)) {
    const spec = TLIB_PROTOCOL.attribute(name);
    attributes[name] = jsonToValue(value, spec.type, `${messageName}.${name}`);
  }
  return attributes;
}

function jsonToValue(value: Json, type: string, field: string): AttributeValue {
  switch (type) {
    case 'int':
    case 'long':
      if (typeof value !== 'number') throw new CliError(`${field}: expected a number`);
      return value;
    case 'connid':
      if (typeof value !== 'string') throw new CliError(`${field}: expected a ConnID as hex digits`);
      return toConnId(value);
    case 'string':
      if (typeof value !== 'string') throw new CliError(`${field}: expected a string`);
      return value;
    case 'binary':
      return parseHexValue(value, field);
    case 'kvlist':
      return jsonToKVList(value, field);
    default:
      return jsonToTimeStamp(value, field);
  }
}

function jsonToTimeStamp(value: Json, field: string): TimeStamp {
  if (!isObject(value)) throw new CliError(`${field}: expected {"seconds": n, "microseconds": n}`);
  checkFields(value, ['seconds', 'microseconds'], field);
  const { seconds, microseconds } = value;
  if (typeof seconds !== 'number' || typeof microseconds !== 'number') {
    throw new CliError(`${field}: expected {"seconds": n, "microseconds": n}`);
  }
  return { seconds, microseconds };
}

function jsonToUnknown(json: Json, messageName: string): RawAttribute[] {
  if (!Array.isArray(json)) throw new CliError(`${messageName}: "unknownAttributes" must be an array`);
  return json.map((entry, index) => {
    const field = `${messageName}.unknownAttributes[${index}]`;
    if (!isObject(entry) || typeof entry.id !== 'number' || typeof entry.type !== 'number') {
      throw new CliError(`${field}: expected {"id": n, "type": n, "hex": "..."}`);
    }
    checkFields(entry, ['id', 'type', 'hex'], field);
    return { id: entry.id, type: entry.type, bytes: parseHexValue(entry.hex ?? '', field) };
  });
}

function checkFields(json: JsonObject, allowed: readonly string[], what: string): void {
  const unexpected = Object.keys(json).find((key) => !allowed.includes(key));
  if (unexpected !== undefined) throw new CliError(`${what}: unexpected field ${JSON.stringify(unexpected)}`);
}
