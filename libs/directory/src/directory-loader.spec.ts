import { readFileSync } from 'node:fs';
import { DirectoryIndex } from './directory-index';
import { DirectoryError } from './directory.error';
import { buildDirectory, loadDirectory } from './directory-loader';
import { demoDirectoryFile } from './demo-directory';

describe('loadDirectory', () => {
  const demo = loadDirectory(readFileSync(demoDirectoryFile(), 'utf8'), 'demo');
  const index = new DirectoryIndex(demo);

  it('loads the demo contact center with every object the simulators need', () => {
    expect(demo.dns.filter((dn) => dn.type === 'Extension').map((dn) => dn.number)).toEqual(
      Array.from({ length: 20 }, (_, n) => String(5001 + n)),
    );
    expect(index.dnByNumber.get('7001')).toMatchObject({ type: 'RoutingPoint', routeTo: '8001' });
    expect(index.dnByNumber.get('8001')).toMatchObject({ type: 'ACDQueue' });
    expect(demo.agentLogins.map((login) => login.code)).toEqual(Array.from({ length: 20 }, (_, n) => String(1001 + n)));
    expect(demo.actionCodes.map(({ name, code, type }) => ({ name, code, type }))).toEqual([
      { name: 'Break', code: '100', type: 'NotReady' },
      { name: 'Lunch', code: '101', type: 'NotReady' },
      { name: 'Training', code: '102', type: 'NotReady' },
    ]);
    expect(index.personByUserName.get('agent_disabled')?.enabled).toBe(false);
    expect(index.personByUserName.get('supervisor1')).toMatchObject({ isSupervisor: true, isAgent: false });
  });

  it('links each agent to a place with one extension and to its own login code', () => {
    for (let n = 1; n <= 20; n++) {
      const person = index.personByUserName.get(`agent${n}`)!;
      const place = index.placeByDbid.get(person.placeDbid!)!;
      expect(place.name).toBe(`Place_${5000 + n}`);
      expect(index.placeDnNumbers(place)).toEqual([String(5000 + n)]);
      const login = index.loginByDbid.get(person.agentLogins[0]!.agentLoginDbid)!;
      expect(login.code).toBe(String(1000 + n));
      expect(index.loginHolder.get(login.dbid)?.person.userName).toBe(`agent${n}`);
    }
  });

  it('names every problem of a bad file with its path', () => {
    const load = () =>
      loadDirectory(
        [
          'switches: [{ name: S }]',
          'dns: [{ number: "1", type: Extension }, { number: "1", type: Foo }]',
          'places: [{ name: P, dns: ["9"] }]',
        ].join('\n'),
        'bad.yaml',
      );
    expect(load).toThrow(DirectoryError);
    expect(load).toThrow(/dns\.1\.type/);
  });

  it('reports dangling references and duplicates after the schema passes', () => {
    expect(() =>
      buildDirectory({
        switches: [{ name: 'S' }],
        dns: [
          { number: '1', type: 'Extension' },
          { number: '1', type: 'Extension' },
          { number: '2', type: 'RoutingPoint', routeTo: '404' },
        ],
        places: [{ name: 'P', dns: ['9'] }],
        persons: [{ userName: 'a', place: 'Nowhere', agentLogins: ['77'] }],
      }),
    ).toThrow(
      new DirectoryError('directory', [
        'duplicate DN number 1',
        'dns 2: routeTo 404 is not a DN of this directory',
        'places P: unknown DN 9',
        'persons a: unknown place Nowhere',
        'persons a: unknown agent login 77',
      ]),
    );
  });

  it('rejects text that is not YAML', () => {
    expect(() => loadDirectory('a: [', 'broken.yaml')).toThrow(/broken\.yaml: not valid YAML/);
  });
});
