import {
  CfgObjectType,
  cfgTypeName,
  InvalidFilterError,
  type CfgFilter,
  type CfgFilterKey,
  type CfgModelledType,
  type CfgObject,
} from '@gws/confserv';

type Fields = Readonly<Record<string, unknown>>;
type Matcher = (object: Fields, value: string | number, lookup: PlaceLookup) => boolean;
/** DN DBIDs of a place (for the CfgDN `place_dbid` key). */
export type PlaceLookup = (placeDbid: number) => readonly number[];

const field =
  (name: string): Matcher =>
  (object, value) =>
    object[name] === value;

const common: Partial<Record<CfgFilterKey, Matcher>> = { state: field('state') };
const tenanted: Partial<Record<CfgFilterKey, Matcher>> = { ...common, tenant_dbid: field('tenantDBID') };
const named: Partial<Record<CfgFilterKey, Matcher>> = { ...tenanted, name: field('name') };

/** The public filter keys each type honours (besides `dbid`, which every type takes). */
const MATCHERS: Readonly<Record<CfgModelledType, Partial<Record<CfgFilterKey, Matcher>>>> = {
  [CfgObjectType.Tenant]: { ...common, name: field('name') },
  [CfgObjectType.Switch]: named,
  [CfgObjectType.DN]: {
    ...named,
    switch_dbid: field('switchDBID'),
    dn_type: field('type'),
    dn_number: field('number'),
    place_dbid: (object, value, places) => places(value as number).includes(object['DBID'] as number),
  },
  [CfgObjectType.AgentLogin]: { ...tenanted, switch_dbid: field('switchDBID'), login_code: field('loginCode') },
  [CfgObjectType.Place]: named,
  [CfgObjectType.Skill]: named,
  [CfgObjectType.ActionCode]: named,
  [CfgObjectType.Person]: {
    ...tenanted,
    user_name: field('userName'),
    employee_id: field('employeeID'),
    is_agent: field('isAgent'),
  },
  [CfgObjectType.Application]: { ...common, name: field('name') },
};

/**
 * The objects of one type that pass every key of `filter`. When `dbid` is given the other keys are ignored
 * (public rule). A key the type does not honour is refused rather than silently ignored.
 * @throws InvalidFilterError
 */
export function filterObjects(
  type: CfgModelledType,
  objects: Iterable<CfgObject>,
  filter: CfgFilter,
  places: PlaceLookup,
): CfgObject[] {
  if (filter.dbid !== undefined) {
    const dbid = filter.dbid;
    return [...objects].filter((object) => object.DBID === dbid);
  }
  const checks: [Matcher, string | number][] = [];
  for (const [key, value] of Object.entries(filter) as [CfgFilterKey, string | number][]) {
    const matcher = MATCHERS[type][key];
    if (matcher === undefined) throw new InvalidFilterError(key, value, `not a filter of ${cfgTypeName(type)}`);
    checks.push([matcher, value]);
  }
  const result: CfgObject[] = [];
  for (const object of objects) {
    if (checks.every(([matcher, value]) => matcher(object as unknown as Fields, value, places))) result.push(object);
  }
  return result;
}
