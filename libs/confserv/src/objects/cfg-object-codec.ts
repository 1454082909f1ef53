import { isInt32, KVList, KVType, type KVPair } from '@gws/tlib';
import { CfgObjectError } from '../errors/cfg-object.error';
import { UnsupportedObjectTypeError } from '../errors/unsupported-object-type.error';
import { CFG_OBJECT_SCHEMAS, isModelledType, type FieldSpec, type FieldTable } from './cfg-object-schemas';
import type { CfgDelta, CfgModelledType, CfgObjectMap } from './cfg-objects';

type PlainRecord = Readonly<Record<string, unknown>>;

export function schemaOf(type: number): (typeof CFG_OBJECT_SCHEMAS)[CfgModelledType] {
  if (!isModelledType(type)) throw new UnsupportedObjectTypeError(type);
  return CFG_OBJECT_SCHEMAS[type];
}

/** An object (or a delta: absent fields are skipped) as the KVList of its fields. @throws CfgObjectError */
export function encodeCfgFields(type: CfgModelledType, object: object): KVList {
  const schema = schemaOf(type);
  return encodeFields(schema.fields, object as PlainRecord, schema.typeName);
}

/** `BATRCFG_OBJECTS` / `BATRCFG_OBJECT`: one `<CfgTypeName>` pair per object. @throws CfgObjectError */
export function encodeCfgObjects(type: CfgModelledType, objects: readonly object[]): KVList {
  const schema = schemaOf(type);
  const list = new KVList();
  for (const object of objects) {
    list.push({
      key: schema.typeName,
      type: KVType.List,
      value: encodeFields(schema.fields, object as PlainRecord, schema.typeName),
    });
  }
  return list;
}

/** Reads whole objects: absent fields get the Configuration Layer default (0, "", empty). @throws CfgObjectError */
export function decodeCfgObjects<T extends CfgModelledType>(type: T, list: KVList): CfgObjectMap[T][] {
  const schema = schemaOf(type);
  return list.pairs().map((pair, index) => {
    const fields = objectFields(pair, schema.typeName, `${schema.typeName}[${index}]`);
    const object = decodeFields(schema.fields, fields, `${schema.typeName}[${index}]`, true);
    checkDbid(object, `${schema.typeName}[${index}]`);
    return object as unknown as CfgObjectMap[T];
  });
}

/** Reads one object's fields as given (no defaults, DBID optional): the input of RequestCreateObject. */
export function decodeCfgFields(type: CfgModelledType, list: KVList): Record<string, unknown> {
  const schema = schemaOf(type);
  const [pair] = list.pairs();
  if (pair === undefined || list.size !== 1) {
    throw new CfgObjectError(schema.typeName, list.size, 'expected exactly one object');
  }
  return decodeFields(schema.fields, objectFields(pair, schema.typeName, schema.typeName), schema.typeName, false);
}

/** Reads a delta: only the fields present, DBID required. @throws CfgObjectError */
export function decodeCfgDelta<T extends CfgModelledType>(type: T, list: KVList): CfgDelta<CfgObjectMap[T]> {
  const object = decodeCfgFields(type, list);
  checkDbid(object, schemaOf(type).typeName);
  return object as unknown as CfgDelta<CfgObjectMap[T]>;
}

/**
 * The public delta rule: DBID plus every field whose value changed, written even when it changed to 0 or "".
 * Collections and `agentInfo` travel whole when any part of them changed (a simplification; docs/confserv-wire.md).
 */
export function cfgDelta(type: CfgModelledType, before: object, after: object): PlainRecord {
  const old = before as PlainRecord;
  const now = after as PlainRecord;
  const delta: Record<string, unknown> = { DBID: now['DBID'] };
  for (const field of Object.keys(schemaOf(type).fields)) {
    if (field === 'DBID' || now[field] === undefined) continue;
    if (JSON.stringify(old[field]) !== JSON.stringify(now[field])) delta[field] = now[field];
  }
  return delta;
}

/** Applies a delta to a whole object. */
export function applyCfgDelta<T extends object>(object: T, delta: Partial<T>): T {
  const merged: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  for (const [field, value] of Object.entries(delta)) if (value !== undefined) merged[field] = value;
  return merged as T;
}

function checkDbid(object: PlainRecord, path: string): void {
  const dbid = object['DBID'];
  if (typeof dbid !== 'number' || dbid <= 0) throw new CfgObjectError(`${path}.DBID`, dbid, 'expected a positive DBID');
}

function objectFields(pair: KVPair, typeName: string, path: string): KVList {
  if (pair.key !== typeName) throw new CfgObjectError(path, pair.key, `expected a ${typeName} entry`);
  if (!(pair.value instanceof KVList)) throw new CfgObjectError(path, pair.value, 'expected a nested list');
  return pair.value;
}

function encodeFields(table: FieldTable, record: PlainRecord, path: string): KVList {
  if (record === null || typeof record !== 'object') throw new CfgObjectError(path, record, 'expected an object');
  const list = new KVList();
  for (const [field, spec] of Object.entries(table)) {
    const value = record[field];
    if (value !== undefined) list.push(encodeField(field, spec, value, `${path}.${field}`));
  }
  return list;
}

function encodeField(key: string, spec: FieldSpec, value: unknown, path: string): KVPair {
  switch (spec.kind) {
    case 'int':
      return { key, type: KVType.Int, value: checkInt(value, path) };
    case 'string':
      if (typeof value !== 'string') throw new CfgObjectError(path, value, 'expected a string');
      return { key, type: KVType.String, value };
    case 'ints': {
      const items = checkArray(value, path).map((item, index): KVPair => {
        return { key: spec.item, type: KVType.Int, value: checkInt(item, `${path}[${index}]`) };
      });
      return { key, type: KVType.List, value: listOf(items) };
    }
    case 'structs': {
      const items = checkArray(value, path).map((item, index): KVPair => {
        const fields = encodeFields(spec.fields, item as PlainRecord, `${path}[${index}]`);
        return { key: spec.item, type: KVType.List, value: fields };
      });
      return { key, type: KVType.List, value: listOf(items) };
    }
    case 'struct':
      return { key, type: KVType.List, value: encodeFields(spec.fields, value as PlainRecord, path) };
    case 'options': {
      if (value === null || typeof value !== 'object') throw new CfgObjectError(path, value, 'expected sections');
      const sections = Object.entries(value as PlainRecord).map(([section, options]): KVPair => {
        if (options === null || typeof options !== 'object') {
          throw new CfgObjectError(`${path}.${section}`, options, 'expected options');
        }
        const pairs = Object.entries(options as PlainRecord).map(([option, text]): KVPair => {
          if (typeof text !== 'string')
            throw new CfgObjectError(`${path}.${section}.${option}`, text, 'expected a string');
          return { key: option, type: KVType.String, value: text };
        });
        return { key: section, type: KVType.List, value: listOf(pairs) };
      });
      return { key, type: KVType.List, value: listOf(sections) };
    }
  }
}

function decodeFields(table: FieldTable, list: KVList, path: string, fillDefaults: boolean): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const pair of list) {
    const spec = table[pair.key];
    // Fields this project does not model are skipped, so a richer server does not break the client.
    if (spec === undefined) continue;
    record[pair.key] = decodeField(spec, pair, `${path}.${pair.key}`);
  }
  if (fillDefaults) {
    for (const [field, spec] of Object.entries(table)) {
      if (record[field] === undefined && spec.kind !== 'struct') record[field] = defaultOf(spec);
    }
  }
  return record;
}

function decodeField(spec: FieldSpec, pair: KVPair, path: string): unknown {
  switch (spec.kind) {
    case 'int':
      if (pair.type !== KVType.Int) throw new CfgObjectError(path, pair.value, 'expected an int');
      return pair.value;
    case 'string':
      if (typeof pair.value !== 'string') throw new CfgObjectError(path, pair.value, 'expected a string');
      return pair.value;
    case 'ints':
      return nested(pair, path)
        .pairs()
        .map((item, index) => {
          if (item.type !== KVType.Int) throw new CfgObjectError(`${path}[${index}]`, item.value, 'expected an int');
          return item.value;
        });
    case 'structs':
      return nested(pair, path)
        .pairs()
        .map((item, index) => decodeFields(spec.fields, nested(item, `${path}[${index}]`), `${path}[${index}]`, true));
    case 'struct':
      return decodeFields(spec.fields, nested(pair, path), path, true);
    case 'options': {
      const sections: Record<string, Record<string, string>> = {};
      for (const section of nested(pair, path)) {
        const options: Record<string, string> = {};
        for (const option of nested(section, `${path}.${section.key}`)) {
          if (typeof option.value !== 'string') {
            throw new CfgObjectError(`${path}.${section.key}.${option.key}`, option.value, 'expected a string');
          }
          options[option.key] = option.value;
        }
        sections[section.key] = options;
      }
      return sections;
    }
  }
}

function nested(pair: KVPair, path: string): KVList {
  if (!(pair.value instanceof KVList)) throw new CfgObjectError(path, pair.value, 'expected a nested list');
  return pair.value;
}

function defaultOf(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'int':
      return 0;
    case 'string':
      return '';
    case 'options':
      return {};
    default:
      return [];
  }
}

function checkInt(value: unknown, path: string): number {
  if (!isInt32(value)) {
    throw new CfgObjectError(path, value, 'expected a 32-bit integer');
  }
  return value;
}

function checkArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new CfgObjectError(path, value, 'expected an array');
  return value;
}

function listOf(pairs: readonly KVPair[]): KVList {
  const list = new KVList();
  for (const pair of pairs) list.push(pair);
  return list;
}
