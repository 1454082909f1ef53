import { waitFor } from '@gws/testing';
import { CfgFlag, CfgObjectState, CfgObjectType, type CfgModelledType, type CfgObject } from '@gws/confserv';
import type { ConfServSimulator } from './simulator';
import { SimFixture } from './testing/sim-fixture';

describe('notifications after admin changes', () => {
  const fixture = new SimFixture();
  let simulator: ConfServSimulator;
  let admin: string;
  afterEach(() => fixture.closeAll());
  beforeEach(async () => {
    simulator = await fixture.simulator({ adminPort: 0 });
    admin = `http://127.0.0.1:${simulator.adminPort}/objects`;
  });

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${admin}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('reaches a subscribed client and keeps its cache current', async () => {
    const watcher = await fixture.client(simulator.port);
    const bystander = await fixture.client(simulator.port);
    await watcher.readObjects(CfgObjectType.Person, { user_name: 'agent3' });
    await watcher.subscribe([CfgObjectType.Person, CfgObjectType.DN]);
    const seen: string[] = [];
    watcher.on('objectCreated', (type, object) => seen.push(`created ${type} ${object.DBID}`));
    watcher.on('objectUpdated', (type, delta) => seen.push(`updated ${type} ${JSON.stringify(delta)}`));
    watcher.on('objectDeleted', (type, dbid) => seen.push(`deleted ${type} ${dbid}`));
    let bystanderEvents = 0;
    bystander.on('objectCreated', () => bystanderEvents++);

    const created = await send('POST', 'CfgPerson', {
      userName: 'agent21',
      firstName: 'New',
      password: 'secret21',
      agentInfo: { placeDBID: 101, agentLogins: [], skillLevels: [{ skillDBID: 101, level: 3 }] },
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as CfgObject;
    expect(person.DBID).toBe(123);
    await waitFor(() => seen.length === 1, 2000, 'created');
    expect(watcher.cache.get(CfgObjectType.Person, 123)).toMatchObject({
      userName: 'agent21',
      tenantDBID: 1,
      isAgent: CfgFlag.True,
      employeeID: 'agent21',
    });
    await expect(watcher.authenticate('agent21', 'secret21')).resolves.toEqual({
      userName: 'agent21',
      personDBID: 123,
    });

    expect((await send('PUT', 'person/103', { lastName: '', state: CfgObjectState.Disabled })).status).toBe(200);
    await waitFor(() => seen.length === 2, 2000, 'updated');
    expect(seen[1]).toBe(`updated 3 ${JSON.stringify({ DBID: 103, lastName: '', state: 2 })}`);
    expect(watcher.cache.get(CfgObjectType.Person, 103)).toMatchObject({ userName: 'agent3', lastName: '', state: 2 });

    expect((await send('DELETE', 'CfgPerson/123')).status).toBe(200);
    await waitFor(() => seen.length === 3, 2000, 'deleted');
    expect(seen[2]).toBe('deleted 3 123');
    expect(watcher.cache.get(CfgObjectType.Person, 123)).toBeUndefined();

    // Not subscribed to skills: nothing arrives. The bystander never subscribed.
    expect((await send('POST', 'skill', { name: 'Billing' })).status).toBe(201);
    await watcher.readObjects(CfgObjectType.Skill, { name: 'Billing' });
    expect(seen).toHaveLength(3);
    expect(bystanderEvents).toBe(0);
  });

  it('applies changes made over the wire too, answering the requester and notifying the others', async () => {
    const admin = await fixture.client(simulator.port);
    const watcher = await fixture.client(simulator.port);
    await watcher.subscribe();
    const deltas: unknown[] = [];
    watcher.on('objectUpdated', (_type, delta) => deltas.push(delta));
    const dn = await admin.createObject(CfgObjectType.DN, { number: '5099', type: 1, switchDBID: 101 });
    expect(dn).toMatchObject({ DBID: 123, number: '5099', state: CfgObjectState.Enabled });
    await admin.updateObject(CfgObjectType.DN, { DBID: dn.DBID, name: 'Spare' });
    await waitFor(() => deltas.length === 1, 2000, 'update notification');
    expect(deltas[0]).toEqual({ DBID: 123, name: 'Spare' });
    await admin.deleteObject(CfgObjectType.DN, dn.DBID);
    await expect(admin.deleteObject(CfgObjectType.DN, dn.DBID)).rejects.toThrow(/ObjectNotFound/);
  });

  it('refuses bad admin input with 400 and a reason, and unknown objects with 404', async () => {
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', 'CfgPerson', { firstName: 'x' }, 400, /userName should not be empty/],
      ['POST', 'CfgPerson', { userName: 'a', isAgent: 7 }, 400, /isAgent must be one of/],
      ['POST', 'CfgPerson', { userName: 'a', shoeSize: 9 }, 400, /property shoeSize should not exist/],
      ['POST', 'CfgPerson', { userName: 'agent1' }, 409, /CfgPerson with userName "agent1" already exists/],
      ['POST', 'CfgPlace', { name: 'P', DNDBIDs: [999] }, 400, /CfgPlace.DNDBIDs\[0\]: no CfgDN has this DBID/],
      ['POST', 'CfgDN', { number: '1', type: 1, switchDBID: 101, userProperties: { a: 1 } }, 400, /expected options/],
      ['POST', 'CfgWidget', {}, 400, /unknown object type "CfgWidget"/],
      ['POST', 'CfgSwitch', { name: 's' }, 400, /CfgSwitch is read-only/],
      ['POST', 'CfgSkill', [1, 2], 400, /the body must be a JSON object/],
      ['PUT', 'CfgSkill/999', { name: 'x' }, 404, /no CfgSkill DBID 999/],
      ['PUT', 'CfgSkill/abc', { name: 'x' }, 400, /numeric string is expected/],
      ['DELETE', 'CfgSkill/999', undefined, 404, /no CfgSkill DBID 999/],
    ];
    for (const [method, path, body, status, reason] of cases) {
      const response = await send(method, path, body);
      const { message } = (await response.json()) as { message: string | string[] };
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect([message].flat().join('; ')).toMatch(reason);
    }
    const list = (await (await send('GET', 'CfgSkill')).json()) as { name: string }[];
    expect(list.map((skill) => skill.name)).toEqual(['Sales', 'Support']);
    expect(simulator.listObjects(CfgObjectType.Person as CfgModelledType)).toHaveLength(22);
  });
});
