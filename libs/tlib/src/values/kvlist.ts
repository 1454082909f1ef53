import { InvalidValueError } from '../errors/invalid-value.error';
import { isInt32 } from './int32';

/** The five KVList value kinds of the C `TKVType` (0 String ... 4 Unicode). */
export const KVType = { String: 0, Int: 1, Binary: 2, List: 3, Unicode: 4 } as const;
export type KVType = (typeof KVType)[keyof typeof KVType];

export type KVValue = string | number | Uint8Array | KVList;

export interface KVPair {
  readonly key: string;
  readonly type: KVType;
  readonly value: KVValue;
}

/** What `KVList.from` accepts: plain values, nested objects, or an existing list. */
export type KVInput = { readonly [key: string]: KVInputValue } | KVList;
export type KVInputValue = string | number | Uint8Array | KVList | { readonly [key: string]: KVInputValue };

/** Reads a list kept in its source form (see `KVList.deferred`). */
export type KVListReader<S> = (source: S) => KVList;

/**
 * T-Lib key-value list (`TKVList`): ordered pairs, duplicate keys allowed, five value kinds.
 * Lookups are exact (`get`) or case-insensitive (`getIC`), like the C API's `GetPair` / `GetPairIC`.
 *
 * A decoded list may be deferred: it keeps its checked source and builds its pairs on first use, so a message
 * whose user data nobody reads never pays for it. Every method sees the same pairs either way. The state is held
 * in `#` fields, which are not own properties: equality (Jest's `toEqual` iterates) and JSON (`toJSON`) read the
 * pairs, never whether they were built yet.
 */
export class KVList implements Iterable<KVPair> {
  /** Allocated on first use: a deferred list gets the array its reader builds. */
  #items: KVPair[] | undefined = undefined;
  #source: unknown = undefined;
  #read: KVListReader<unknown> | undefined = undefined;

  /** Builds a list from a plain object: strings, int32 numbers, bytes, and nested objects or lists. */
  static from(input: KVInput): KVList {
    if (input instanceof KVList) return input.clone();
    const list = new KVList();
    for (const key of Object.keys(input)) list.add(key, toKVValue(key, input[key]));
    return list;
  }

  /**
   * A list that takes the pairs of `read(source)` on first use, once. For decoders, which have already checked
   * that `source` holds a well-formed list: `read` must not throw.
   */
  static deferred<S>(source: S, read: KVListReader<S>): KVList {
    const list = new KVList();
    list.#source = source;
    list.#read = read as KVListReader<unknown>;
    return list;
  }

  /** The pairs, built from the deferred source on first use. */
  private get items(): KVPair[] {
    const read = this.#read;
    if (read !== undefined) {
      this.#items = read(this.#source).items;
      this.#read = undefined;
      this.#source = undefined;
    }
    return (this.#items ??= []);
  }

  get size(): number {
    return this.items.length;
  }

  /** Appends a pair; the kind is inferred (string, int, binary, list) unless given, e.g. `KVType.Unicode`. */
  add(key: string, value: KVValue, type: KVType = inferType(key, value)): this {
    checkPair(key, value, type);
    this.items.push({ key, type, value });
    return this;
  }

  /** Appends without checks. For decoders, which produce only well-typed pairs. */
  push(pair: KVPair): void {
    this.items.push(pair);
  }

  /** Replaces the first pair with this key (dropping any later duplicates) or appends it. */
  set(key: string, value: KVValue, type: KVType = inferType(key, value)): this {
    checkPair(key, value, type);
    const first = this.items.findIndex((pair) => pair.key === key);
    if (first < 0) {
      this.items.push({ key, type, value });
      return this;
    }
    this.items[first] = { key, type, value };
    this.removeWhere((pair, index) => index > first && pair.key === key);
    return this;
  }

  /** UpdateUserData semantics: each key of `other` replaces the existing pair(s) or is appended. */
  update(other: KVList): this {
    for (const pair of other) this.set(pair.key, pair.value, pair.type);
    return this;
  }

  /** AttachUserData semantics: every pair of `other` is appended, duplicates included. */
  append(other: KVList): this {
    for (const pair of other) this.items.push(pair);
    return this;
  }

  get(key: string): KVValue | undefined {
    return this.items.find((pair) => pair.key === key)?.value;
  }

  getIC(key: string): KVValue | undefined {
    const lower = key.toLowerCase();
    return this.items.find((pair) => pair.key.toLowerCase() === lower)?.value;
  }

  getPair(key: string): KVPair | undefined {
    return this.items.find((pair) => pair.key === key);
  }

  getAll(key: string): KVValue[] {
    return this.items.filter((pair) => pair.key === key).map((pair) => pair.value);
  }

  getString(key: string): string | undefined {
    const value = this.get(key);
    return typeof value === 'string' ? value : undefined;
  }

  getInt(key: string): number | undefined {
    const value = this.get(key);
    return typeof value === 'number' ? value : undefined;
  }

  has(key: string): boolean {
    return this.items.some((pair) => pair.key === key);
  }

  /** Removes every pair with this key; returns how many were removed. */
  delete(key: string): number {
    return this.removeWhere((pair) => pair.key === key);
  }

  clear(): void {
    this.#read = undefined;
    this.#source = undefined;
    if (this.#items !== undefined) this.#items.length = 0;
  }

  keys(): string[] {
    return this.items.map((pair) => pair.key);
  }

  pairs(): readonly KVPair[] {
    return this.items;
  }

  [Symbol.iterator](): Iterator<KVPair> {
    return this.items[Symbol.iterator]();
  }

  /** The JSON a list gave when its pairs were a plain field: `{"items":[{key, type, value}, ...]}`. */
  toJSON(): { items: readonly KVPair[] } {
    return { items: this.items };
  }

  /** What `util.inspect` (console.log) shows: the pairs, which `#` fields would hide. */
  [Symbol.for('nodejs.util.inspect.custom')](): { items: readonly KVPair[] } {
    return { items: this.items };
  }

  /** A deep copy; binary values are copied too. */
  clone(): KVList {
    const copy = new KVList();
    for (const { key, type, value } of this.items) {
      const cloned = value instanceof KVList ? value.clone() : value instanceof Uint8Array ? value.slice() : value;
      copy.items.push({ key, type, value: cloned });
    }
    return copy;
  }

  /** Same pairs, kinds and values in the same order. */
  equals(other: KVList): boolean {
    if (other.items.length !== this.items.length) return false;
    return this.items.every((pair, index) => pairsEqual(pair, other.items[index]!));
  }

  /**
   * A plain object for JSON APIs (GWS `userData`): the first pair of a key wins, nested lists become
   * objects, binary values become base64 strings.
   */
  toObject(): Record<string, string | number | Record<string, unknown>> {
    const result: Record<string, string | number | Record<string, unknown>> = {};
    for (const { key, value } of this.items) {
      if (Object.prototype.hasOwnProperty.call(result, key)) continue;
      result[key] =
        value instanceof KVList
          ? value.toObject()
          : value instanceof Uint8Array
            ? Buffer.from(value).toString('base64')
            : value;
    }
    return result;
  }

  private removeWhere(predicate: (pair: KVPair, index: number) => boolean): number {
    let kept = 0;
    const before = this.items.length;
    for (let index = 0; index < before; index++) {
      const pair = this.items[index]!;
      if (!predicate(pair, index)) this.items[kept++] = pair;
    }
    this.items.length = kept;
    return before - kept;
  }
}

function inferType(key: string, value: KVValue): KVType {
  if (typeof value === 'string') return KVType.String;
  if (typeof value === 'number') return KVType.Int;
  if (value instanceof Uint8Array) return KVType.Binary;
  if (value instanceof KVList) return KVType.List;
  throw new InvalidValueError(`KVList key ${key}`, value, 'expected a string, an int32, bytes or a KVList');
}

function checkPair(key: string, value: KVValue, type: KVType): void {
  if (typeof key !== 'string') throw new InvalidValueError('KVList key', key, 'keys are strings');
  const ok =
    type === KVType.String || type === KVType.Unicode
      ? typeof value === 'string'
      : type === KVType.Int
        ? isInt32(value)
        : type === KVType.Binary
          ? value instanceof Uint8Array
          : type === KVType.List && value instanceof KVList;
  if (!ok) throw new InvalidValueError(`KVList key ${key}`, value, `does not fit kind ${kvTypeName(type)}`);
}

function toKVValue(key: string, value: KVInputValue | undefined): KVValue {
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Uint8Array) return value;
  if (value instanceof KVList) return value;
  if (value !== null && typeof value === 'object') return KVList.from(value);
  throw new InvalidValueError(`KVList key ${key}`, value, 'expected a string, an int32, bytes or an object');
}

function pairsEqual(a: KVPair, b: KVPair): boolean {
  if (a.key !== b.key || a.type !== b.type) return false;
  if (a.value instanceof KVList) return b.value instanceof KVList && a.value.equals(b.value);
  if (a.value instanceof Uint8Array) return b.value instanceof Uint8Array && Buffer.from(a.value).equals(b.value);
  return a.value === b.value;
}

export function kvTypeName(type: KVType): string {
  return ['String', 'Int', 'Binary', 'List', 'Unicode'][type] ?? `#${String(type)}`;
}
