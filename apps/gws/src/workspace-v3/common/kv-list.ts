import { FLAT_USER_DATA_MAX_KEY, FLAT_USER_DATA_MAX_PAIRS, KVType, type FlatUserData, type KVList } from '@gws/tlib';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';

/**
 * A key-value pair as Workspace API v3 carries user data, reasons and extensions: a list of these, not an object,
 * so that a key may repeat and a value says its type.
 */
export type KvPair =
  | { readonly key: string; readonly type: 'str'; readonly value: string }
  | { readonly key: string; readonly type: 'int'; readonly value: number }
  | { readonly key: string; readonly type: 'kvlist'; readonly value: KvPair[] };

/** The types a client may send; user data that reaches T-Server is flat (`str`, `int`). */
export const KV_TYPES = ['str', 'int', 'kvlist'] as const;

/** Whether `value` is a KV list as clients send it: pairs with a key, a known type and a value of that type. */
export function isKvList(value: unknown, depth = 0): value is KvPair[] {
  if (!Array.isArray(value) || value.length > FLAT_USER_DATA_MAX_PAIRS || depth > 2) return false;
  return value.every((pair: unknown) => {
    if (typeof pair !== 'object' || pair === null) return false;
    const { key, type, value: item } = pair as Record<string, unknown>;
    if (typeof key !== 'string' || key.length === 0 || key.length > FLAT_USER_DATA_MAX_KEY) return false;
    if (type === 'str') return typeof item === 'string';
    if (type === 'int') return typeof item === 'number' && Number.isInteger(item);
    return type === 'kvlist' && isKvList(item, depth + 1);
  });
}

/**
 * The flat user data of a v3 list, for the commands (which take v2's flat user data). Nested lists and a key given
 * twice have no flat form: refused with statusCode 10 naming the pair.
 */
export function kvListToFlat(list: readonly KvPair[], field: string): FlatUserData {
  const flat: Record<string, string | number> = {};
  for (const pair of list) {
    if (pair.type === 'kvlist') {
      throw new GwsException(
        GwsStatus.ValidationError,
        `Invalid parameter '${field}': '${pair.key}' is a kvlist; user data values are str or int`,
      );
    }
    if (Object.hasOwn(flat, pair.key)) {
      throw new GwsException(
        GwsStatus.ValidationError,
        `Invalid parameter '${field}': key '${pair.key}' is given twice`,
      );
    }
    flat[pair.key] = pair.value;
  }
  return flat;
}

/** A v2 user data object as a v3 list: int32 numbers as `int`, other numbers (sent to T-Server as strings) as `str`. */
export function flatToKvList(data: Readonly<Record<string, string | number>> | undefined): KvPair[] {
  return Object.entries(data ?? {}).map(([key, value]): KvPair =>
    typeof value === 'number' && Number.isInteger(value) && (value | 0) === value
      ? { key, type: 'int', value }
      : { key, type: 'str', value: String(value) },
  );
}

/** A T-Lib list (an event's UserData) as a v3 list; binary values travel as base64 strings. */
export function tlibToKvList(list: KVList | undefined): KvPair[] {
  return [...(list ?? [])].map(({ key, type, value }): KvPair => {
    if (typeof value === 'string') return { key, type: 'str', value };
    if (typeof value === 'number')
      return type === KVType.Int ? { key, type: 'int', value } : { key, type: 'str', value: String(value) };
    if (value instanceof Uint8Array) return { key, type: 'str', value: Buffer.from(value).toString('base64') };
    return { key, type: 'kvlist', value: tlibToKvList(value) };
  });
}

/** Configuration Server options (section -> option -> value) as a v3 list of sections. */
export function optionsToKvList(options: Readonly<Record<string, Readonly<Record<string, string>>>>): KvPair[] {
  return Object.entries(options).map(([section, values]) => ({
    key: section,
    type: 'kvlist',
    value: Object.entries(values).map(([key, value]) => ({ key, type: 'str', value })),
  }));
}
