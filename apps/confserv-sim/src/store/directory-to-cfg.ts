import {
  CfgActionCodeType,
  CfgAppType,
  CfgDNType,
  CfgFlag,
  CfgObjectState,
  CfgObjectType,
  cfgFlag,
  type CfgModelledType,
  type CfgObject,
  type CfgPerson,
} from '@gws/confserv';
import type { ActionCodeType, ContactCenterDirectory, DnType, PersonEntry } from '@gws/directory';

const DN_TYPES: Readonly<Record<DnType, CfgDNType>> = {
  Extension: CfgDNType.Extension,
  ACDPosition: CfgDNType.ACDPosition,
  ACDQueue: CfgDNType.ACDQueue,
  RoutingPoint: CfgDNType.RoutingPoint,
  VirtualQueue: CfgDNType.VirtACDQueue,
};

const ACTION_CODE_TYPES: Readonly<Record<ActionCodeType, CfgActionCodeType>> = {
  NotReady: CfgActionCodeType.NotReady,
  Ready: CfgActionCodeType.Ready,
  Login: CfgActionCodeType.Login,
  Logout: CfgActionCodeType.Logout,
  BusyOn: CfgActionCodeType.BusyOn,
  BusyOff: CfgActionCodeType.BusyOff,
};

const enabled = (flag: boolean): CfgObjectState => (flag ? CfgObjectState.Enabled : CfgObjectState.Disabled);

/** The directory as Configuration Server objects, DBIDs as the directory assigned them. */
export function directoryToCfg(directory: ContactCenterDirectory): Map<CfgModelledType, CfgObject[]> {
  const tenantDBID = directory.tenant.dbid;
  const state = CfgObjectState.Enabled;
  const objects = new Map<CfgModelledType, CfgObject[]>();
  objects.set(CfgObjectType.Tenant, [{ DBID: tenantDBID, name: directory.tenant.name, state }]);
  objects.set(
    CfgObjectType.Switch,
    directory.switches.map((entry) => ({ DBID: entry.dbid, tenantDBID, name: entry.name, state, userProperties: {} })),
  );
  objects.set(
    CfgObjectType.DN,
    directory.dns.map((dn) => ({
      DBID: dn.dbid,
      tenantDBID,
      switchDBID: dn.switchDbid,
      type: DN_TYPES[dn.type],
      number: dn.number,
      name: dn.name ?? '',
      state,
      userProperties: dn.routeTo === undefined ? {} : { TServer: { 'default-dn': dn.routeTo } },
    })),
  );
  objects.set(
    CfgObjectType.AgentLogin,
    directory.agentLogins.map((login) => ({
      DBID: login.dbid,
      tenantDBID,
      switchDBID: login.switchDbid,
      loginCode: login.code,
      state,
    })),
  );
  objects.set(
    CfgObjectType.Place,
    directory.places.map((place) => ({
      DBID: place.dbid,
      tenantDBID,
      name: place.name,
      DNDBIDs: place.dnDbids,
      state,
    })),
  );
  objects.set(
    CfgObjectType.Skill,
    directory.skills.map((skill) => ({ DBID: skill.dbid, tenantDBID, name: skill.name, state })),
  );
  objects.set(
    CfgObjectType.ActionCode,
    directory.actionCodes.map((code) => ({
      DBID: code.dbid,
      tenantDBID,
      name: code.name,
      type: ACTION_CODE_TYPES[code.type],
      code: code.code,
      state,
    })),
  );
  objects.set(
    CfgObjectType.Person,
    directory.persons.map((person) => personToCfg(person, tenantDBID)),
  );
  objects.set(
    CfgObjectType.Application,
    directory.applications.map((application) => ({
      DBID: application.dbid,
      name: application.name,
      type: appType(application.type),
      version: '8.5',
      state,
      options: application.options,
    })),
  );
  return objects;
}

function personToCfg(person: PersonEntry, tenantDBID: number): CfgPerson {
  const roles = [person.isAgent ? 'Agent' : '', person.isSupervisor ? 'Supervisor' : ''].filter(Boolean).join(',');
  return {
    DBID: person.dbid,
    tenantDBID,
    userName: person.userName,
    firstName: person.firstName,
    lastName: person.lastName,
    employeeID: person.employeeId,
    emailAddress: person.emailAddress,
    isAgent: cfgFlag(person.isAgent),
    isAdmin: CfgFlag.False,
    state: enabled(person.enabled),
    ...(person.isAgent
      ? {
          agentInfo: {
            placeDBID: person.placeDbid ?? 0,
            skillLevels: person.skills.map((skill) => ({ skillDBID: skill.skillDbid, level: skill.level })),
            agentLogins: person.agentLogins.map((login) => ({
              agentLoginDBID: login.agentLoginDbid,
              wrapupTime: login.wrapUpTime,
            })),
          },
        }
      : {}),
    userProperties: roles === '' ? {} : { htcc: { roles } },
  };
}

/** The directory names application types as `CfgAppType` members do; an unknown name becomes NoApplication (0). */
function appType(name: string): CfgAppType {
  return Object.prototype.hasOwnProperty.call(CfgAppType, name)
    ? CfgAppType[name as keyof typeof CfgAppType]
    : CfgAppType.NoApplication;
}
