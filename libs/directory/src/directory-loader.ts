import { parse as parseYaml } from 'yaml';
import { DirectoryError } from './directory.error';
import type {
  ActionCodeEntry,
  AgentLoginEntry,
  ApplicationEntry,
  ContactCenterDirectory,
  DnEntry,
  PersonEntry,
  PlaceEntry,
  SkillEntry,
  SwitchEntry,
} from './directory.model';
import { directoryFileSchema, type DirectoryFile } from './directory.schema';

/** DBIDs are given per object type in file order from here, unless the file sets one. */
const FIRST_DBID = 101;

/** Parses and checks a directory YAML text. @throws DirectoryError naming every problem with its path */
export function loadDirectory(yamlText: string, source = 'directory'): ContactCenterDirectory {
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (error) {
    throw new DirectoryError(source, [`not valid YAML: ${(error as Error).message}`]);
  }
  return buildDirectory(document as DirectoryFile, source);
}

/** Checks an already-parsed directory (tests build large ones in code). @throws DirectoryError */
export function buildDirectory(file: DirectoryFile, source = 'directory'): ContactCenterDirectory {
  const parsed = directoryFileSchema.safeParse(file);
  if (!parsed.success) {
    throw new DirectoryError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`),
    );
  }
  const input = parsed.data;
  const problems: string[] = [];
  const ids = new DbidAllocator();

  const tenantInput = typeof input.tenant === 'string' ? { name: input.tenant, dbid: 1 } : input.tenant;
  const tenant = { name: tenantInput.name, dbid: tenantInput.dbid ?? 1 };

  const switches: SwitchEntry[] = input.switches.map((entry) => ({
    dbid: ids.next('switch', entry.dbid),
    name: entry.name,
    afterCallWorkReturnsTo: entry.afterCallWorkReturnsTo,
  }));
  const switchByName = index(switches, (entry) => entry.name, 'switch', problems);
  const resolveSwitch = (where: string, switchName: string | undefined): number => {
    if (switchName === undefined) return switches[0]!.dbid;
    const found = switchByName.get(switchName);
    if (found === undefined) problems.push(`${where}: unknown switch ${switchName}`);
    return found?.dbid ?? 0;
  };

  const dns: DnEntry[] = input.dns.map((entry) => ({
    dbid: ids.next('dn', entry.dbid),
    number: entry.number,
    type: entry.type,
    switchDbid: resolveSwitch(`dns ${entry.number}`, entry.switch),
    ...(entry.name === undefined ? {} : { name: entry.name }),
    ...(entry.routeTo === undefined ? {} : { routeTo: entry.routeTo }),
  }));
  const dnByNumber = index(dns, (entry) => entry.number, 'DN number', problems);
  for (const dn of dns) {
    if (dn.routeTo !== undefined && !dnByNumber.has(dn.routeTo)) {
      problems.push(`dns ${dn.number}: routeTo ${dn.routeTo} is not a DN of this directory`);
    }
    if (dn.routeTo !== undefined && dn.type !== 'RoutingPoint') {
      problems.push(`dns ${dn.number}: routeTo is only for RoutingPoint DNs`);
    }
  }

  const agentLogins: AgentLoginEntry[] = input.agentLogins.map((entry) => ({
    dbid: ids.next('agentLogin', entry.dbid),
    code: entry.code,
    switchDbid: resolveSwitch(`agentLogins ${entry.code}`, entry.switch),
    ...(entry.password === undefined ? {} : { password: entry.password }),
  }));
  const loginByCode = index(agentLogins, (entry) => entry.code, 'agent login code', problems);

  const places: PlaceEntry[] = input.places.map((entry) => ({
    dbid: ids.next('place', entry.dbid),
    name: entry.name,
    dnDbids: entry.dns.map((number) => {
      const dn = dnByNumber.get(number);
      if (dn === undefined) problems.push(`places ${entry.name}: unknown DN ${number}`);
      return dn?.dbid ?? 0;
    }),
  }));
  const placeByName = index(places, (entry) => entry.name, 'place name', problems);

  const skills: SkillEntry[] = input.skills.map((entry) => {
    const skill = typeof entry === 'string' ? { name: entry, dbid: undefined } : entry;
    return { dbid: ids.next('skill', skill.dbid), name: skill.name };
  });
  const skillByName = index(skills, (entry) => entry.name, 'skill name', problems);

  const actionCodes: ActionCodeEntry[] = input.actionCodes.map((entry) => ({
    dbid: ids.next('actionCode', entry.dbid),
    name: entry.name,
    type: entry.type,
    code: entry.code,
  }));
  index(actionCodes, (entry) => `${entry.type}:${entry.name}`, 'action code', problems);

  const persons: PersonEntry[] = input.persons.map((entry) => {
    const where = `persons ${entry.userName}`;
    const place = entry.place === undefined ? undefined : placeByName.get(entry.place);
    if (entry.place !== undefined && place === undefined) problems.push(`${where}: unknown place ${entry.place}`);
    return {
      dbid: ids.next('person', entry.dbid),
      userName: entry.userName,
      firstName: entry.firstName,
      lastName: entry.lastName,
      employeeId: entry.employeeId ?? entry.userName,
      emailAddress: entry.emailAddress,
      password: entry.password,
      enabled: entry.enabled,
      isAgent: entry.isAgent,
      isSupervisor: entry.isSupervisor,
      ...(place === undefined ? {} : { placeDbid: place.dbid }),
      agentLogins: entry.agentLogins.map((login) => {
        const { code, wrapUpTime } = typeof login === 'string' ? { code: login, wrapUpTime: 0 } : login;
        const found = loginByCode.get(code);
        if (found === undefined) problems.push(`${where}: unknown agent login ${code}`);
        return { agentLoginDbid: found?.dbid ?? 0, wrapUpTime };
      }),
      skills: Object.entries(entry.skills).map(([skillName, level]) => {
        const found = skillByName.get(skillName);
        if (found === undefined) problems.push(`${where}: unknown skill ${skillName}`);
        return { skillDbid: found?.dbid ?? 0, level };
      }),
    };
  });
  index(persons, (entry) => entry.userName, 'user name', problems);
  const loginOwners = new Map<number, string>();
  for (const person of persons) {
    for (const login of person.agentLogins) {
      const owner = loginOwners.get(login.agentLoginDbid);
      if (owner !== undefined) problems.push(`persons ${person.userName}: agent login already given to ${owner}`);
      loginOwners.set(login.agentLoginDbid, person.userName);
    }
  }

  const applications: ApplicationEntry[] = input.applications.map((entry) => ({
    dbid: ids.next('application', entry.dbid),
    name: entry.name,
    type: entry.type,
    options: Object.fromEntries(
      Object.entries(entry.options).map(([section, options]) => [
        section,
        Object.fromEntries(Object.entries(options).map(([key, value]) => [key, String(value)])),
      ]),
    ),
  }));
  index(applications, (entry) => entry.name, 'application name', problems);

  problems.push(...ids.duplicates());
  if (problems.length > 0) throw new DirectoryError(source, problems);
  return { tenant, switches, dns, agentLogins, places, skills, actionCodes, persons, applications };
}

function index<T>(entries: readonly T[], key: (entry: T) => string, what: string, problems: string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries) {
    const value = key(entry);
    if (map.has(value)) problems.push(`duplicate ${what} ${value}`);
    else map.set(value, entry);
  }
  return map;
}

class DbidAllocator {
  private readonly used = new Map<string, Set<number>>();
  private readonly counters = new Map<string, number>();
  private readonly clashes: string[] = [];

  next(type: string, explicit: number | undefined): number {
    const used = this.used.get(type) ?? new Set<number>();
    this.used.set(type, used);
    let dbid = explicit;
    if (dbid === undefined) {
      dbid = this.counters.get(type) ?? FIRST_DBID;
      while (used.has(dbid)) dbid++;
      this.counters.set(type, dbid + 1);
    } else if (used.has(dbid)) {
      this.clashes.push(`duplicate ${type} dbid ${dbid}`);
    }
    used.add(dbid);
    return dbid;
  }

  duplicates(): string[] {
    return this.clashes;
  }
}
