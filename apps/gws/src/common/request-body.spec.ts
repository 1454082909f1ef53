import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BODY_TOO_DEEP_MESSAGE,
  inspectBody,
  jsonNestsDeeperThan,
  MAX_BODY_DEPTH,
  verifyJsonBodyDepth,
} from './request-body';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const nested = (depth: number): string => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays, up to the limit and one past it', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[1,{"b":2}]}'), 3)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[1,{"b":2}]}'), 2)).toBe(true);
    expect(jsonNestsDeeperThan(bytes(nested(MAX_BODY_DEPTH)), MAX_BODY_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(nested(MAX_BODY_DEPTH + 1)), MAX_BODY_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('[[],[],[],[]]'), 2)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[" ok' })), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":"\\\\","b":[[]]}'), 2)).toBe(true);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ 'ключ[[': '値{{' })), 1)).toBe(false);
  });
});

describe('verifyJsonBodyDepth', () => {
  const verify = (text: string, encoding = 'utf-8'): void =>
    verifyJsonBodyDepth({} as IncomingMessage, {} as ServerResponse, bytes(text), encoding);

  it('throws an exposed HTTP 400 with the documented message for a UTF-8 body nested too deep', () => {
    expect(() => verify('[[]]')).not.toThrow();
    let thrown: unknown;
    try {
      verify('['.repeat(10_000));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      status: 400,
      expose: true,
      type: 'entity.too.deep',
      message: BODY_TOO_DEEP_MESSAGE,
    });
  });

  it('leaves other charsets to the check after parsing', () => {
    expect(() => verify('['.repeat(100), 'utf-16le')).not.toThrow();
  });
});

describe('inspectBody', () => {
  it('accepts GWS bodies', () => {
    expect(
      inspectBody({ operationName: 'Dial', destination: { phoneNumber: '5002' }, userData: { a: 1, b: 'x' } }),
    ).toBeUndefined();
    expect(inspectBody(JSON.parse(nested(MAX_BODY_DEPTH)))).toBeUndefined();
  });

  it('finds nesting too deep without recursing, however deep', () => {
    expect(inspectBody(JSON.parse(nested(MAX_BODY_DEPTH + 1)))).toEqual({ kind: 'tooDeep' });
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(inspectBody({ operationName: deep })).toEqual({ kind: 'tooDeep' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('names a %s key and where it sits', (key) => {
    const body = JSON.parse(`{"operationName":"Dial","userData":{"ok":1,"${key}":{"polluted":"yes"}}}`) as unknown;
    expect(inspectBody(body)).toEqual({ kind: 'forbiddenKey', key, path: `userData.${key}` });
    expect(inspectBody(JSON.parse(`{"${key}":"x"}`))).toEqual({ kind: 'forbiddenKey', key, path: key });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports the first problem in the order of the body', () => {
    const body = JSON.parse('{"a":{"constructor":1},"b":{"__proto__":2}}') as unknown;
    expect(inspectBody(body)).toEqual({ kind: 'forbiddenKey', key: 'constructor', path: 'a.constructor' });
  });
});
