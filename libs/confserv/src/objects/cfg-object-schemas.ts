import { CfgObjectType } from '../protocol/cfg-enums';
import type { CfgModelledType } from './cfg-objects';

/**
 * How each field travels inside an object's KVList (docs/confserv-wire.md, "Objects"):
 * - `int` / `string`: a pair of that kind;
 * - `ints`: a nested list of `item` -> int pairs (e.g. `DNDBIDs` -> `DBID`: 201, `DBID`: 202);
 * - `structs`: a nested list of `item` -> nested list of fields (e.g. `agentLogins` -> `CfgAgentLoginInfo`: {...});
 * - `struct`: a nested list of fields;
 * - `options`: a nested list of section -> nested list of option -> string.
 * This mirrors the public PSDK XML shape, where a collection holds one element per item named for its type.
 */
export type FieldSpec =
  | { readonly kind: 'int' }
  | { readonly kind: 'string' }
  | { readonly kind: 'ints'; readonly item: string }
  | { readonly kind: 'structs'; readonly item: string; readonly fields: FieldTable }
  | { readonly kind: 'struct'; readonly fields: FieldTable }
  | { readonly kind: 'options' };

export type FieldTable = Readonly<Record<string, FieldSpec>>;

export interface ObjectSchema {
  /** The PSDK class name, used as the object's key on the wire. */
  readonly typeName: string;
  readonly fields: FieldTable;
}

const int: FieldSpec = { kind: 'int' };
const string: FieldSpec = { kind: 'string' };
const options: FieldSpec = { kind: 'options' };

const agentInfo: FieldSpec = {
  kind: 'struct',
  fields: {
    placeDBID: int,
    skillLevels: { kind: 'structs', item: 'CfgSkillLevel', fields: { skillDBID: int, level: int } },
    agentLogins: { kind: 'structs', item: 'CfgAgentLoginInfo', fields: { agentLoginDBID: int, wrapupTime: int } },
  },
};

export const CFG_OBJECT_SCHEMAS: Readonly<Record<CfgModelledType, ObjectSchema>> = {
  [CfgObjectType.Tenant]: { typeName: 'CfgTenant', fields: { DBID: int, name: string, state: int } },
  [CfgObjectType.Switch]: {
    typeName: 'CfgSwitch',
    fields: { DBID: int, tenantDBID: int, name: string, state: int, userProperties: options },
  },
  [CfgObjectType.DN]: {
    typeName: 'CfgDN',
    fields: {
      DBID: int,
      tenantDBID: int,
      switchDBID: int,
      type: int,
      number: string,
      name: string,
      state: int,
      userProperties: options,
    },
  },
  [CfgObjectType.AgentLogin]: {
    typeName: 'CfgAgentLogin',
    fields: { DBID: int, tenantDBID: int, switchDBID: int, loginCode: string, state: int },
  },
  [CfgObjectType.Place]: {
    typeName: 'CfgPlace',
    fields: { DBID: int, tenantDBID: int, name: string, DNDBIDs: { kind: 'ints', item: 'DBID' }, state: int },
  },
  [CfgObjectType.Skill]: { typeName: 'CfgSkill', fields: { DBID: int, tenantDBID: int, name: string, state: int } },
  [CfgObjectType.ActionCode]: {
    typeName: 'CfgActionCode',
    fields: { DBID: int, tenantDBID: int, name: string, type: int, code: string, state: int },
  },
  [CfgObjectType.Person]: {
    typeName: 'CfgPerson',
    fields: {
      DBID: int,
      tenantDBID: int,
      userName: string,
      firstName: string,
      lastName: string,
      employeeID: string,
      emailAddress: string,
      isAgent: int,
      isAdmin: int,
      state: int,
      agentInfo,
      userProperties: options,
    },
  },
  [CfgObjectType.Application]: {
    typeName: 'CfgApplication',
    fields: { DBID: int, name: string, type: int, version: string, state: int, options },
  },
};

const TYPE_BY_NAME = new Map<string, CfgModelledType>(
  Object.entries(CFG_OBJECT_SCHEMAS).map(([type, schema]) => [schema.typeName, Number(type) as CfgModelledType]),
);

export function isModelledType(type: number): type is CfgModelledType {
  return Object.prototype.hasOwnProperty.call(CFG_OBJECT_SCHEMAS, type);
}

/** `CfgPerson` for 3, ... */
export function cfgTypeName(type: CfgModelledType): string {
  return CFG_OBJECT_SCHEMAS[type].typeName;
}

/** The type for a PSDK class name (`CfgPerson`), or undefined. */
export function cfgTypeByName(typeName: string): CfgModelledType | undefined {
  return TYPE_BY_NAME.get(typeName);
}
