import type {
  AgentLoginEntry,
  ContactCenterDirectory,
  DnEntry,
  PersonEntry,
  PlaceEntry,
  SwitchEntry,
} from './directory.model';

/** Lookups the simulators and servers need, built once over a loaded directory. */
export class DirectoryIndex {
  readonly dnByNumber: ReadonlyMap<string, DnEntry>;
  readonly dnByDbid: ReadonlyMap<number, DnEntry>;
  readonly loginByCode: ReadonlyMap<string, AgentLoginEntry>;
  readonly loginByDbid: ReadonlyMap<number, AgentLoginEntry>;
  readonly personByUserName: ReadonlyMap<string, PersonEntry>;
  readonly placeByName: ReadonlyMap<string, PlaceEntry>;
  readonly placeByDbid: ReadonlyMap<number, PlaceEntry>;
  readonly switchByDbid: ReadonlyMap<number, SwitchEntry>;
  /** Agent login DBID -> the person holding it and that person's wrap-up time for it. */
  readonly loginHolder: ReadonlyMap<number, { readonly person: PersonEntry; readonly wrapUpTime: number }>;

  constructor(readonly directory: ContactCenterDirectory) {
    this.dnByNumber = new Map(directory.dns.map((dn) => [dn.number, dn]));
    this.dnByDbid = new Map(directory.dns.map((dn) => [dn.dbid, dn]));
    this.loginByCode = new Map(directory.agentLogins.map((login) => [login.code, login]));
    this.loginByDbid = new Map(directory.agentLogins.map((login) => [login.dbid, login]));
    this.personByUserName = new Map(directory.persons.map((person) => [person.userName, person]));
    this.placeByName = new Map(directory.places.map((place) => [place.name, place]));
    this.placeByDbid = new Map(directory.places.map((place) => [place.dbid, place]));
    this.switchByDbid = new Map(directory.switches.map((entry) => [entry.dbid, entry]));
    this.loginHolder = new Map(
      directory.persons.flatMap((person) =>
        person.agentLogins.map((login) => [login.agentLoginDbid, { person, wrapUpTime: login.wrapUpTime }] as const),
      ),
    );
  }

  /** DN numbers of a place, in the place's order. */
  placeDnNumbers(place: PlaceEntry): string[] {
    return place.dnDbids.flatMap((dbid) => {
      const dn = this.dnByDbid.get(dbid);
      return dn === undefined ? [] : [dn.number];
    });
  }
}
