import { waitFor } from '@gws/testing';
import {
  CfgActionCodeType,
  CfgDNType,
  CfgFlag,
  CfgObjectState,
  CfgObjectType,
  ConfServErrorCode,
  ConfServRequestError,
  DisabledPersonError,
  EmptyPasswordError,
  ObjectNotFoundError,
  ServerUnavailableError,
  UnknownUserError,
  WrongPasswordError,
  type ConfServClient,
} from '@gws/confserv';
import type { ConfServSimulator } from './simulator';
import { SimFixture } from './testing/sim-fixture';

describe('Configuration Server simulator and client', () => {
  const fixture = new SimFixture();
  let simulator: ConfServSimulator;
  let client: ConfServClient;

  beforeEach(async () => {
    simulator = await fixture.simulator();
    client = await fixture.client(simulator.port);
  });
  afterEach(() => fixture.closeAll());

  describe('authenticate', () => {
    it('accepts a good password and answers the person DBID', async () => {
      await expect(client.authenticate('agent1', 'password')).resolves.toEqual({ userName: 'agent1', personDBID: 101 });
    });

    it('refuses a wrong password, an unknown user, a disabled person and an empty password with typed errors', async () => {
      await expect(client.authenticate('agent1', 'nope')).rejects.toThrow(WrongPasswordError);
      await expect(client.authenticate('nobody', 'password')).rejects.toThrow(UnknownUserError);
      await expect(client.authenticate('agent_disabled', 'password')).rejects.toThrow(DisabledPersonError);
      await expect(client.authenticate('agent1', '')).rejects.toThrow(EmptyPasswordError);
      await expect(client.authenticate('agent1', 'nope')).rejects.toThrow('user "agent1": wrong password');
    });

    it('refuses the password with a trailing NUL or space and a prefix of it', async () => {
      for (const attempt of ['password\0', 'password ', 'passwor']) {
        await expect(client.authenticate('agent1', attempt)).rejects.toThrow(WrongPasswordError);
      }
      await expect(client.authenticate('agent1', 'password')).resolves.toMatchObject({ personDBID: 101 });
    });

    it('does not reveal that a person is disabled to someone without the password', async () => {
      await expect(client.authenticate('agent_disabled', 'guess')).rejects.toThrow(WrongPasswordError);
    });
  });

  describe('readObjects with filters', () => {
    it('reads a person by user_name with agent info and roles', async () => {
      const [person, ...rest] = await client.readObjects(CfgObjectType.Person, { user_name: 'agent11' });
      expect(rest).toEqual([]);
      expect(person).toMatchObject({
        userName: 'agent11',
        isAgent: CfgFlag.True,
        state: CfgObjectState.Enabled,
        agentInfo: { placeDBID: 111, agentLogins: [{ agentLoginDBID: 111, wrapupTime: 10 }] },
        userProperties: { htcc: { roles: 'Agent' } },
      });
      expect(person?.agentInfo?.skillLevels).toEqual([
        { skillDBID: 102, level: 5 },
        { skillDBID: 101, level: 1 },
      ]);
    });

    it('honours dbid alone when other keys are given too', async () => {
      const persons = await client.readObjects(CfgObjectType.Person, { dbid: 102, user_name: 'agent5' });
      expect(persons.map((person) => person.userName)).toEqual(['agent2']);
    });

    it('filters persons by is_agent, state and employee_id', async () => {
      const nonAgents = await client.readObjects(CfgObjectType.Person, { is_agent: CfgFlag.False });
      expect(nonAgents.map((person) => person.userName)).toEqual(['supervisor1']);
      expect(nonAgents[0]?.agentInfo).toBeUndefined();
      const disabled = await client.readObjects(CfgObjectType.Person, { state: CfgObjectState.Disabled });
      expect(disabled.map((person) => person.userName)).toEqual(['agent_disabled']);
      const byEmployee = await client.readObjects(CfgObjectType.Person, { employee_id: 'agent7' });
      expect(byEmployee.map((person) => person.DBID)).toEqual([107]);
    });

    it('filters DNs by number, type, switch and place', async () => {
      const [queue] = await client.readObjects(CfgObjectType.DN, { dn_number: '8001' });
      expect(queue).toMatchObject({ type: CfgDNType.ACDQueue, name: 'Sales_Queue', switchDBID: 101 });
      const routingPoints = await client.readObjects(CfgObjectType.DN, { dn_type: CfgDNType.RoutingPoint });
      expect(routingPoints).toEqual([
        expect.objectContaining({ number: '7001', userProperties: { TServer: { 'default-dn': '8001' } } }),
      ]);
      const onSwitch = await client.readObjects(CfgObjectType.DN, { switch_dbid: 101 });
      expect(onSwitch).toHaveLength(22);
      const ofPlace = await client.readObjects(CfgObjectType.DN, { place_dbid: 105 });
      expect(ofPlace.map((dn) => dn.number)).toEqual(['5005']);
      expect(await client.readObjects(CfgObjectType.DN, { name: 'Inbound_RP' })).toHaveLength(1);
    });

    it('filters agent logins, places, skills, switches and tenants', async () => {
      const [login] = await client.readObjects(CfgObjectType.AgentLogin, { login_code: '1007' });
      expect(login).toEqual({
        DBID: 107,
        tenantDBID: 1,
        switchDBID: 101,
        loginCode: '1007',
        state: CfgObjectState.Enabled,
      });
      expect(await client.readObjects(CfgObjectType.AgentLogin, { switch_dbid: 101 })).toHaveLength(20);
      const [place] = await client.readObjects(CfgObjectType.Place, { name: 'Place_5003' });
      expect(place?.DNDBIDs).toEqual([103]);
      expect((await client.readObjects(CfgObjectType.Skill, { name: 'Support' }))[0]?.DBID).toBe(102);
      expect(await client.readObjects(CfgObjectType.Switch, { tenant_dbid: 1 })).toEqual([
        { DBID: 101, tenantDBID: 1, name: 'SIP_Switch', state: CfgObjectState.Enabled, userProperties: {} },
      ]);
      expect(await client.readObjects(CfgObjectType.Tenant)).toEqual([
        { DBID: 1, name: 'Environment', state: CfgObjectState.Enabled },
      ]);
      expect(await client.readObjects(CfgObjectType.Person, { user_name: 'ghost' })).toEqual([]);
    });

    it('answers EventError for a filter key the type does not honour', async () => {
      const read = client.readObjects(CfgObjectType.Skill, { dn_number: '5001' });
      await expect(read).rejects.toThrow(ConfServRequestError);
      await expect(read).rejects.toMatchObject({ errorCode: ConfServErrorCode.InvalidFilter });
    });
  });

  it('reads the Not Ready action codes and the application options', async () => {
    const codes = await client.readActionCodes();
    expect(codes.map((code) => [code.name, code.type, code.code])).toEqual([
      ['Break', CfgActionCodeType.NotReady, '100'],
      ['Lunch', CfgActionCodeType.NotReady, '101'],
      ['Training', CfgActionCodeType.NotReady, '102'],
    ]);
    const options = await client.readApplicationOptions('GWS_Cluster');
    expect(options['agent-desktop']).toEqual({ 'not-ready-reason-key': 'ReasonCode', 'default-queue': '8001' });
    expect(options['security']?.['login-failure-limit']).toBe('5');
    await expect(client.readApplicationOptions('Nope')).rejects.toThrow(ObjectNotFoundError);
  });

  it('reads an agent profile in two round trips', async () => {
    const before = { roundTrips: client.roundTrips, reads: simulator.requestCount('RequestReadObjects') };
    const profile = await client.readAgentProfile('agent12');
    expect(client.roundTrips - before.roundTrips).toBe(2);
    // person, 1 login, place, DNs of the place, 2 skills, switches
    expect(simulator.requestCount('RequestReadObjects') - before.reads).toBe(7);
    expect(profile.person.userName).toBe('agent12');
    expect(profile.agentLogins.map((login) => login.loginCode)).toEqual(['1012']);
    expect(profile.place?.name).toBe('Place_5012');
    expect(profile.dns.map((dn) => dn.number)).toEqual(['5012']);
    expect(profile.skills.map((skill) => skill.name)).toEqual(['Support', 'Sales']);
    expect(profile.switch?.name).toBe('SIP_Switch');
    await expect(client.readAgentProfile('ghost')).rejects.toThrow(UnknownUserError);
  });

  it('reads a profile without the switches when asked to', async () => {
    const before = simulator.requestCount('RequestReadObjects');
    const profile = await client.readAgentProfile('agent12', {}, { switch: false });
    expect(simulator.requestCount('RequestReadObjects') - before).toBe(6);
    expect(profile.switch).toBeUndefined();
    expect(profile.dns.map((dn) => dn.number)).toEqual(['5012']);
  });

  it('reads a profile without place or logins (a supervisor)', async () => {
    const profile = await client.readAgentProfile('supervisor1');
    expect(profile).toMatchObject({ agentLogins: [], place: undefined, dns: [], skills: [], switch: undefined });
    expect(profile.person.userProperties).toEqual({ htcc: { roles: 'Supervisor' } });
  });

  it('fails fast with ServerUnavailableError while there is no link', async () => {
    const idle = fixture.clientOnly(simulator.port);
    await expect(idle.authenticate('agent1', 'password')).rejects.toThrow(ServerUnavailableError);
    await expect(idle.readObjects(CfgObjectType.Person)).rejects.toThrow(ServerUnavailableError);
    expect(idle.status).toBe('disconnected');
  });

  it('checks the credentials given at registration', async () => {
    const good = await fixture.client(simulator.port, { userName: 'supervisor1', password: 'password' });
    expect(good.status).toBe('connected');
    const refused = simulator.requestCount('RequestRegisterClient');
    const bad = fixture.clientOnly(simulator.port, { userName: 'supervisor1', password: 'wrong' });
    const statuses: string[] = [];
    bad.on('status', (change) => statuses.push(change.status));
    void bad.connect().catch(() => undefined);
    await waitFor(() => simulator.requestCount('RequestRegisterClient') >= refused + 2);
    expect(bad.status).not.toBe('connected');
    expect(statuses).not.toContain('connected');
  });
});
