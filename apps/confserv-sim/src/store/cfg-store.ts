import { EventEmitter } from 'node:events';
import {
  applyCfgDelta,
  CfgFlag,
  CfgObjectError,
  CfgObjectState,
  CfgObjectType,
  cfgDelta,
  cfgTypeName,
  decodeCfgObjects,
  encodeCfgObjects,
  ObjectNotFoundError,
  schemaOf,
  type CfgFilter,
  type CfgModelledType,
  type CfgObject,
  type CfgPerson,
  type CfgPlace,
} from '@gws/confserv';
import { DuplicateObjectError } from './duplicate-object.error';
import { filterObjects } from './filter-matcher';

type Fields = Readonly<Record<string, unknown>>;

/** Who caused a change: the session whose request it was, so it gets the answer rather than a notification. */
export type ChangeOrigin = object | undefined;

export type StoreChange =
  | {
      readonly kind: 'created';
      readonly type: CfgModelledType;
      readonly object: CfgObject;
      readonly origin: ChangeOrigin;
    }
  | {
      readonly kind: 'updated';
      readonly type: CfgModelledType;
      /** DBID and the changed fields (public delta rule). */
      readonly delta: Fields;
      readonly object: CfgObject;
      readonly origin: ChangeOrigin;
    }
  | { readonly kind: 'deleted'; readonly type: CfgModelledType; readonly dbid: number; readonly origin: ChangeOrigin };

/** The unique name of each type, besides the DBID. */
const UNIQUE_KEY: Readonly<Record<CfgModelledType, string>> = {
  [CfgObjectType.Tenant]: 'name',
  [CfgObjectType.Switch]: 'name',
  [CfgObjectType.DN]: 'number',
  [CfgObjectType.AgentLogin]: 'loginCode',
  [CfgObjectType.Place]: 'name',
  [CfgObjectType.Skill]: 'name',
  [CfgObjectType.ActionCode]: 'name',
  [CfgObjectType.Person]: 'userName',
  [CfgObjectType.Application]: 'name',
};

/** Configuration objects by type and DBID; every change is emitted once, as the notifications need it. */
export class CfgStore extends EventEmitter<{ change: [change: StoreChange] }> {
  private readonly tables = new Map<CfgModelledType, Map<number, CfgObject>>();
  private readonly personsByUserName = new Map<string, CfgPerson>();

  constructor(
    objects: ReadonlyMap<CfgModelledType, readonly CfgObject[]>,
    readonly tenantDBID: number,
  ) {
    super();
    for (const type of Object.values(CfgObjectType)) {
      if (UNIQUE_KEY[type as CfgModelledType] !== undefined) this.tables.set(type as CfgModelledType, new Map());
    }
    for (const [type, list] of objects) for (const object of list) this.put(type, object);
  }

  count(type: CfgModelledType): number {
    return this.table(type).size;
  }

  list(type: CfgModelledType): CfgObject[] {
    return [...this.table(type).values()];
  }

  get(type: CfgModelledType, dbid: number): CfgObject | undefined {
    return this.table(type).get(dbid);
  }

  personByUserName(userName: string): CfgPerson | undefined {
    return this.personsByUserName.get(userName);
  }

  /** @throws InvalidFilterError */
  read(type: CfgModelledType, filter: CfgFilter): CfgObject[] {
    const table = this.table(type);
    if (filter.dbid !== undefined) {
      const found = table.get(filter.dbid);
      return found === undefined ? [] : [found];
    }
    if (type === CfgObjectType.Person && filter.user_name !== undefined) {
      const person = this.personsByUserName.get(filter.user_name);
      return filterObjects(type, person === undefined ? [] : [person], filter, this.placeDns);
    }
    if (type === CfgObjectType.DN && filter.place_dbid !== undefined) {
      // A place names its DNs: look them up instead of scanning every DN (N per agent login, N^2 per login storm).
      const candidates = this.placeDns(filter.place_dbid).flatMap((dbid) => table.get(dbid) ?? []);
      return filterObjects(type, candidates, filter, this.placeDns);
    }
    return filterObjects(type, table.values(), filter, this.placeDns);
  }

  /** Adds an object; DBID 0 or absent gets the next free one. @throws CfgObjectError, DuplicateObjectError */
  create(type: CfgModelledType, input: Fields, origin?: ChangeOrigin): CfgObject {
    const table = this.table(type);
    const requested = input['DBID'];
    const DBID = typeof requested === 'number' && requested > 0 ? requested : this.nextDbid(type);
    if (table.has(DBID)) throw new DuplicateObjectError(cfgTypeName(type), 'DBID', DBID);
    const defaults: Record<string, unknown> = { state: CfgObjectState.Enabled };
    if ('tenantDBID' in schemaOf(type).fields) defaults['tenantDBID'] = this.tenantDBID;
    if (type === CfgObjectType.Person) {
      // As the directory loader does: an agent is a person with agent info; the employee id defaults to the user name.
      defaults['isAgent'] = input['agentInfo'] === undefined ? CfgFlag.False : CfgFlag.True;
      defaults['isAdmin'] = CfgFlag.False;
      defaults['employeeID'] = input['userName'];
    }
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const object = this.normalize(type, { ...defaults, ...given, DBID });
    this.checkUnique(type, object);
    this.checkReferences(type, object);
    this.put(type, object);
    this.emit('change', { kind: 'created', type, object, origin });
    return object;
  }

  /** Merges a delta (DBID + changed fields). @throws ObjectNotFoundError, CfgObjectError, DuplicateObjectError */
  update(type: CfgModelledType, delta: Fields, origin?: ChangeOrigin): CfgObject {
    const dbid = delta['DBID'] as number;
    const before = this.table(type).get(dbid);
    if (before === undefined) throw new ObjectNotFoundError(cfgTypeName(type), `DBID ${dbid}`);
    const after = this.normalize(type, applyCfgDelta<Fields>(before as unknown as Fields, delta));
    this.checkUnique(type, after, dbid);
    this.checkReferences(type, after);
    const changed = cfgDelta(type, before, after);
    this.remove(type, before);
    this.put(type, after);
    if (Object.keys(changed).length > 1)
      this.emit('change', { kind: 'updated', type, delta: changed, object: after, origin });
    return after;
  }

  /** @throws ObjectNotFoundError */
  delete(type: CfgModelledType, dbid: number, origin?: ChangeOrigin): CfgObject {
    const object = this.table(type).get(dbid);
    if (object === undefined) throw new ObjectNotFoundError(cfgTypeName(type), `DBID ${dbid}`);
    this.remove(type, object);
    this.emit('change', { kind: 'deleted', type, dbid, origin });
    return object;
  }

  private readonly placeDns = (placeDbid: number): readonly number[] =>
    (this.get(CfgObjectType.Place, placeDbid) as CfgPlace | undefined)?.DNDBIDs ?? [];

  /** Checks every field against the type's schema and fills the defaults, exactly as a client would decode it. */
  private normalize(type: CfgModelledType, fields: Fields): CfgObject {
    const [object] = decodeCfgObjects(type, encodeCfgObjects(type, [fields]));
    return object!;
  }

  private checkUnique(type: CfgModelledType, object: CfgObject, except?: number): void {
    const key = UNIQUE_KEY[type];
    const value = (object as unknown as Fields)[key] as string;
    for (const other of this.table(type).values()) {
      if (other.DBID !== except && (other as unknown as Fields)[key] === value) {
        throw new DuplicateObjectError(cfgTypeName(type), key, value);
      }
    }
  }

  private checkReferences(type: CfgModelledType, object: CfgObject): void {
    const fields = object as unknown as Fields;
    const need = (refType: CfgModelledType, dbid: number, path: string): void => {
      if (!this.table(refType).has(dbid))
        throw new CfgObjectError(path, dbid, `no ${cfgTypeName(refType)} has this DBID`);
    };
    const name = cfgTypeName(type);
    if (type === CfgObjectType.DN || type === CfgObjectType.AgentLogin) {
      need(CfgObjectType.Switch, fields['switchDBID'] as number, `${name}.switchDBID`);
    }
    if (type === CfgObjectType.Place) {
      (fields['DNDBIDs'] as number[]).forEach((dbid, index) =>
        need(CfgObjectType.DN, dbid, `${name}.DNDBIDs[${index}]`),
      );
    }
    const info = (object as CfgPerson).agentInfo;
    if (type === CfgObjectType.Person && info !== undefined) {
      if (info.placeDBID !== 0) need(CfgObjectType.Place, info.placeDBID, `${name}.agentInfo.placeDBID`);
      info.agentLogins.forEach((login, index) =>
        need(CfgObjectType.AgentLogin, login.agentLoginDBID, `${name}.agentInfo.agentLogins[${index}]`),
      );
      info.skillLevels.forEach((level, index) =>
        need(CfgObjectType.Skill, level.skillDBID, `${name}.agentInfo.skillLevels[${index}]`),
      );
    }
  }

  private nextDbid(type: CfgModelledType): number {
    let max = 100;
    for (const dbid of this.table(type).keys()) if (dbid > max) max = dbid;
    return max + 1;
  }

  private put(type: CfgModelledType, object: CfgObject): void {
    this.table(type).set(object.DBID, object);
    if (type === CfgObjectType.Person) this.personsByUserName.set((object as CfgPerson).userName, object as CfgPerson);
  }

  private remove(type: CfgModelledType, object: CfgObject): void {
    this.table(type).delete(object.DBID);
    if (type === CfgObjectType.Person) this.personsByUserName.delete((object as CfgPerson).userName);
  }

  private table(type: CfgModelledType): Map<number, CfgObject> {
    return this.tables.get(type)!;
  }
}
