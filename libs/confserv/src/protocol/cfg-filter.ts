import { KVList, KVType } from '@gws/tlib';
import { InvalidFilterError } from '../errors/invalid-filter.error';

/** The public filter keys this project uses, and the kind of value each takes. */
export const CFG_FILTER_KEYS = {
  dbid: 'int',
  user_name: 'string',
  switch_dbid: 'int',
  dn_number: 'string',
  dn_type: 'int',
  login_code: 'string',
  name: 'string',
  place_dbid: 'int',
  tenant_dbid: 'int',
  is_agent: 'int',
  state: 'int',
  employee_id: 'string',
} as const;

export type CfgFilterKey = keyof typeof CFG_FILTER_KEYS;
type FilterValue<K extends CfgFilterKey> = (typeof CFG_FILTER_KEYS)[K] extends 'int' ? number : string;

/** A `BATRCFG_FILTER`. When `dbid` is present the server ignores every other key (public rule). */
export type CfgFilter = { readonly [K in CfgFilterKey]?: FilterValue<K> };

export function isFilterKey(key: string): key is CfgFilterKey {
  return Object.prototype.hasOwnProperty.call(CFG_FILTER_KEYS, key);
}

/** @throws InvalidFilterError */
export function encodeCfgFilter(filter: CfgFilter): KVList {
  const list = new KVList();
  for (const [key, value] of Object.entries(filter) as [string, unknown][]) {
    if (value === undefined) continue;
    if (!isFilterKey(key)) throw new InvalidFilterError(key, value, 'not a known filter key');
    if (CFG_FILTER_KEYS[key] === 'int') {
      if (!Number.isInteger(value)) throw new InvalidFilterError(key, value, 'expected an integer');
      list.push({ key, type: KVType.Int, value: value as number });
    } else {
      if (typeof value !== 'string') throw new InvalidFilterError(key, value, 'expected a string');
      list.push({ key, type: KVType.String, value });
    }
  }
  return list;
}

/** @throws InvalidFilterError on an unknown key, a repeated key or a value of the wrong kind */
export function decodeCfgFilter(list: KVList | undefined): CfgFilter {
  const filter: Record<string, string | number> = {};
  for (const { key, type, value } of list ?? []) {
    if (!isFilterKey(key)) throw new InvalidFilterError(key, value, 'not a known filter key');
    if (key in filter) throw new InvalidFilterError(key, value, 'given twice');
    const wanted = CFG_FILTER_KEYS[key];
    if (wanted === 'int' ? type !== KVType.Int : typeof value !== 'string') {
      throw new InvalidFilterError(key, value, `expected ${wanted === 'int' ? 'an integer' : 'a string'}`);
    }
    filter[key] = value as string | number;
  }
  return filter;
}
