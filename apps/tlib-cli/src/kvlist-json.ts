import { KVList, KVType } from '@gws/tlib';
import { CliError } from './cli-error';
import { parseHex, toHex } from './hex';
import type { Json, JsonObject } from './json';

/**
 * KVList <-> JSON. A list prints as a plain object (`{"Segment":"gold","Priority":7,"Address":{...}}`) when that
 * loses nothing: unique keys, kinds String and Int only (nested lists alike), and no key that JSON objects would
 * reorder (array indices) or mistake for the other form. Any other list prints in the lossless form
 *   {"$kvlist": [["key", "string" | "unicode" | "int" | "binary" | "list", value], ...]}
 * where a binary value is a hex string and a list value is again either form. Both forms are accepted as input.
 */
export const LOSSLESS_KEY = '$kvlist';

const KIND_NAMES = ['string', 'int', 'binary', 'list', 'unicode'] as const;
type KindName = (typeof KIND_NAMES)[number];
const KIND_BY_NAME: Readonly<Record<KindName, KVType>> = {
  string: KVType.String,
  int: KVType.Int,
  binary: KVType.Binary,
  list: KVType.List,
  unicode: KVType.Unicode,
};

export function kvListToJson(list: KVList): Json {
  if (!isPlain(list)) {
    return {
      [LOSSLESS_KEY]: list.pairs().map(({ key, type, value }): Json => [key, KIND_NAMES[type], valueToJson(value)]),
    };
  }
  const result: JsonObject = {};
  for (const { key, value } of list) result[key] = valueToJson(value);
  return result;
}

function valueToJson(value: KVList | string | number | Uint8Array): Json {
  if (value instanceof KVList) return kvListToJson(value);
  if (value instanceof Uint8Array) return toHex(value);
  return value;
}

function isPlain(list: KVList): boolean {
  const seen = new Set<string>();
  for (const { key, type, value } of list) {
    if (seen.has(key) || key === LOSSLESS_KEY || isArrayIndex(key)) return false;
    seen.add(key);
    if (type === KVType.List ? !isPlain(value as KVList) : type !== KVType.String && type !== KVType.Int) return false;
  }
  return true;
}

/** Keys that JavaScript objects enumerate first, in numeric order, whatever order they were added in. */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

export function jsonToKVList(json: Json, field: string): KVList {
  if (!isObject(json)) throw new CliError(`${field}: expected a KVList object`);
  const lossless = json[LOSSLESS_KEY];
  if (lossless !== undefined && Object.keys(json).length === 1) return losslessToKVList(lossless, field);
  const list = new KVList();
  for (const [key, value] of Object.entries(json)) {
    const path = `${field}.${key}`;
    if (typeof value === 'string') list.add(key, value, KVType.String);
    else if (typeof value === 'number') list.add(key, value, KVType.Int);
    else if (isObject(value)) list.add(key, jsonToKVList(value, path), KVType.List);
    else throw new CliError(`${path}: expected a string, an int32 or an object`);
  }
  return list;
}

function losslessToKVList(entries: Json, field: string): KVList {
  if (!Array.isArray(entries)) throw new CliError(`${field}.${LOSSLESS_KEY}: expected an array of [key, kind, value]`);
  const list = new KVList();
  entries.forEach((entry, index) => {
    const path = `${field}[${index}]`;
    if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
      throw new CliError(`${path}: expected [key, kind, value]`);
    }
    const [key, kindName, value] = entry as [string, string, Json];
    if (!(kindName in KIND_BY_NAME)) throw new CliError(`${path}: unknown kind ${JSON.stringify(kindName)}`);
    const kind = KIND_BY_NAME[kindName as KindName];
    if (kind === KVType.List) list.add(key, jsonToKVList(value, `${path}.${key}`), kind);
    else if (kind === KVType.Binary) list.add(key, parseHexValue(value, path), kind);
    else if (kind === KVType.Int && typeof value === 'number') list.add(key, value, kind);
    else if (kind !== KVType.Int && typeof value === 'string') list.add(key, value, kind);
    else throw new CliError(`${path}: a ${kindName} value cannot be ${JSON.stringify(value)}`);
  });
  return list;
}

export function parseHexValue(value: Json, field: string): Uint8Array {
  if (typeof value !== 'string') throw new CliError(`${field}: expected bytes as a hex string`);
  return Uint8Array.from(parseHex(value));
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
