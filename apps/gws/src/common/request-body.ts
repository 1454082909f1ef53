import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How deep a REST request body may nest objects and arrays (`{"a":1}` is 1 deep). GWS bodies need 2 (`destination`,
 * `userData`, `channels`); the bound keeps recursive code (class-transformer, class-validator, `JSON.stringify`) far
 * from the stack limit, which a body of 100 kB could otherwise reach with some 50,000 brackets.
 */
export const MAX_BODY_DEPTH = 32;

/** The answer to a body nested deeper than {@link MAX_BODY_DEPTH}. */
export const BODY_TOO_DEEP_MESSAGE = `Request body is nested deeper than ${MAX_BODY_DEPTH} levels`;

/**
 * Keys no body may use at any level: JavaScript gives them meaning (`obj.__proto__ = x` replaces a prototype), and
 * class-transformer copies plain objects by assignment (it drops `__proto__` and throws on `constructor`).
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether raw UTF-8 JSON nests objects and arrays deeper than `limit`, counted without parsing: brackets inside
 * strings do not count. (No byte of a multi-byte UTF-8 character is ASCII, so scanning bytes is exact.) For text that
 * is not JSON the answer means nothing; the parser refuses that text anyway.
 */
export function jsonNestsDeeperThan(json: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** What body-parser makes of an error thrown by `verify`: an HTTP 400 whose message may be shown. */
class BodyTooDeepError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';

  constructor() {
    super(BODY_TOO_DEEP_MESSAGE);
  }
}

/**
 * The `verify` hook of the JSON body parser: refuses a body nested deeper than {@link MAX_BODY_DEPTH} before it is
 * parsed. It reads UTF-8 (what clients send; RFC 8259); a body in another charset is checked after parsing, by
 * {@link inspectBody} in the operation table.
 */
export function verifyJsonBodyDepth(
  _request: IncomingMessage,
  _response: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  if (/^utf-?8$/i.test(encoding) && jsonNestsDeeperThan(body, MAX_BODY_DEPTH)) throw new BodyTooDeepError();
}

/** The first thing wrong with the shape of a parsed body, found without recursion. */
export type BodyProblem =
  { readonly kind: 'tooDeep' } | { readonly kind: 'forbiddenKey'; readonly key: string; readonly path: string };

/**
 * Walks a parsed body (iteratively, so any depth is safe) for nesting deeper than {@link MAX_BODY_DEPTH} and for a
 * {@link FORBIDDEN_KEYS} key at any level. `path` is where the key sits, dot-separated (`userData.__proto__`).
 */
export function inspectBody(body: unknown, maxDepth = MAX_BODY_DEPTH): BodyProblem | undefined {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: '' }];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > maxDepth) return { kind: 'tooDeep' };
    // Own keys only: JSON.parse makes `"__proto__"` an own property, never the prototype.
    const keys = Object.keys(value);
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
    if (forbidden !== undefined) return { kind: 'forbiddenKey', key: forbidden, path: join(path, forbidden) };
    // Reversed, so that the walk visits children in the body's order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: join(path, key) });
    }
  }
  return undefined;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
