import { KVList, KVType } from '@gws/tlib';
import { CfgObjectError } from '../errors/cfg-object.error';
import { CfgFlag, CfgObjectState, CfgObjectType } from '../protocol/cfg-enums';
import { confservMessage, createConfServCodec } from '../protocol/confserv-protocol';
import { cfgDelta, decodeCfgDelta, decodeCfgObjects, encodeCfgFields, encodeCfgObjects } from './cfg-object-codec';
import type { CfgPerson } from './cfg-objects';

const person: CfgPerson = {
  DBID: 101,
  tenantDBID: 1,
  userName: 'agent1',
  firstName: 'Agent',
  lastName: 'One',
  employeeID: 'agent1',
  emailAddress: 'agent1@example.com',
  isAgent: CfgFlag.True,
  isAdmin: CfgFlag.False,
  state: CfgObjectState.Enabled,
  agentInfo: {
    placeDBID: 101,
    skillLevels: [{ skillDBID: 101, level: 5 }],
    agentLogins: [{ agentLoginDBID: 101, wrapupTime: 0 }],
  },
  userProperties: { htcc: { roles: 'Agent' } },
};

describe('Cfg object encoding', () => {
  it('round-trips a person through a message frame', () => {
    const codec = createConfServCodec();
    const frame = codec.encode(
      confservMessage('EventObjectsRead', {
        IATRCFG_REQUESTID: 7,
        IATRCFG_OBJECTTYPE: CfgObjectType.Person,
        BATRCFG_OBJECTS: encodeCfgObjects(CfgObjectType.Person, [person]),
      }),
    );
    const [decoded] = codec.decodeAll(frame);
    expect(decoded?.kind).toBe('message');
    const message = decoded?.kind === 'message' ? decoded.message : undefined;
    expect(message?.name).toBe('EventObjectsRead');
    expect(decodeCfgObjects(CfgObjectType.Person, message!.attributes.BATRCFG_OBJECTS!)).toEqual([person]);
  });

  it('mirrors the PSDK XML shape: collections hold one entry per item, named for its type', () => {
    const fields = encodeCfgFields(CfgObjectType.Place, { DBID: 101, name: 'Place_5001', DNDBIDs: [101, 102] });
    const dns = fields.get('DNDBIDs') as KVList;
    expect(dns.pairs()).toEqual([
      { key: 'DBID', type: KVType.Int, value: 101 },
      { key: 'DBID', type: KVType.Int, value: 102 },
    ]);
    const logins = (encodeCfgFields(CfgObjectType.Person, person).get('agentInfo') as KVList).get(
      'agentLogins',
    ) as KVList;
    expect(logins.keys()).toEqual(['CfgAgentLoginInfo']);
  });

  it('gives absent fields the Configuration Layer defaults when reading whole objects', () => {
    const list = new KVList();
    list.add('CfgDN', KVList.from({ DBID: 5, number: '5001' }));
    expect(decodeCfgObjects(CfgObjectType.DN, list)).toEqual([
      { DBID: 5, number: '5001', tenantDBID: 0, switchDBID: 0, type: 0, name: '', state: 0, userProperties: {} },
    ]);
  });

  it('builds deltas with changed fields only, writing a change to "" or 0 explicitly', () => {
    const after = { ...person, lastName: '', isAdmin: CfgFlag.Unknown };
    const delta = cfgDelta(CfgObjectType.Person, person, after);
    expect(delta).toEqual({ DBID: 101, lastName: '', isAdmin: 0 });
    const list = new KVList();
    list.add('CfgPerson', encodeCfgFields(CfgObjectType.Person, delta));
    expect(decodeCfgDelta(CfgObjectType.Person, list)).toEqual(delta);
  });

  it('refuses fields of the wrong kind, naming the path', () => {
    expect(() => encodeCfgFields(CfgObjectType.Place, { DBID: 1, DNDBIDs: [1, 'x'] })).toThrow(
      new CfgObjectError('CfgPlace.DNDBIDs[1]', 'x', 'expected a 32-bit integer'),
    );
    const list = new KVList();
    list.add('CfgSkill', KVList.from({ DBID: 'seven' }));
    expect(() => decodeCfgObjects(CfgObjectType.Skill, list)).toThrow(/CfgSkill\[0\]\.DBID: expected an int/);
    const wrongType = new KVList();
    wrongType.add('CfgDN', KVList.from({ DBID: 1 }));
    expect(() => decodeCfgObjects(CfgObjectType.Skill, wrongType)).toThrow(/expected a CfgSkill entry/);
  });
});
