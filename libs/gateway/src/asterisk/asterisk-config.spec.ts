import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { agentDns, parsePasswordFile, renderAsteriskConfig } from './asterisk-config';

const run = promisify(execFile);
const GOLDEN = join(__dirname, '__golden__');
/** `UPDATE_GOLDEN=1 npx jest libs/gateway/src/asterisk` rewrites the golden files from the current output. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`no golden file ${name}: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const fixture = (): ReturnType<typeof loadDirectory> =>
  loadDirectory(readFileSync(join(GOLDEN, 'contact-center.yaml'), 'utf8'), 'contact-center.yaml');
const common = { source: 'contact-center.yaml', sipServer: 'sipserver.example:5060' };

describe('renderAsteriskConfig', () => {
  it('matches the golden pjsip.conf and extensions.conf: endpoints for agent DNs, no secret without --passwords', () => {
    const config = renderAsteriskConfig(fixture(), common);
    expect(config.dns).toEqual(['5001', '5002', '5101']);
    expectGolden('pjsip.conf', config.pjsipConf);
    expectGolden('extensions.conf', config.extensionsConf);
    expect(config.pjsipConf).not.toMatch(/^type=auth$/m);
    expect(config.pjsipConf).not.toMatch(/^password=/m);
  });

  it('matches the golden pjsip-static-auth.conf with the operator-given passwords', () => {
    const passwords = parsePasswordFile(readFileSync(join(GOLDEN, 'passwords.txt'), 'utf8'));
    const config = renderAsteriskConfig(fixture(), { ...common, passwords });
    expectGolden('pjsip-static-auth.conf', config.pjsipConf);
    expect(config.extensionsConf).toBe(readFileSync(join(GOLDEN, 'extensions.conf'), 'utf8'));
  });

  it('refuses to leave a DN without its password, and passwords that would break the file', () => {
    expect(() => renderAsteriskConfig(fixture(), { ...common, passwords: new Map([['5001', 'a']]) })).toThrow(
      'no password for DN 5002, 5101',
    );
    const all = (password: string): Map<string, string> =>
      new Map(['5001', '5002', '5101'].map((dn) => [dn, password]));
    expect(() => renderAsteriskConfig(fixture(), { ...common, passwords: all('a;b') })).toThrow(/password for DN/);
  });

  it('takes the DN pattern: the demo contact center has agent DNs 5001-5020', () => {
    const demo = loadDirectory(readFileSync(demoDirectoryFile(), 'utf8'));
    expect(agentDns(demo, '^5[0-9]{3}$')).toEqual(Array.from({ length: 20 }, (_, i) => String(5001 + i)));
    expect(agentDns(demo, /^500[0-9]$/)).toHaveLength(9);
  });

  it('reads password files of `<dn> <password>` or `<dn>=<password>` lines', () => {
    expect(parsePasswordFile('# c\n\n5001 a\n5002 = b\n')).toEqual(
      new Map([
        ['5001', 'a'],
        ['5002', 'b'],
      ]),
    );
    expect(() => parsePasswordFile('5001\n')).toThrow('line 1');
  });
});

describe('npm run gateway:asterisk-config', () => {
  it('writes pjsip.conf and extensions.conf into --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gws-asterisk-'));
    try {
      const cli = join(__dirname, 'asterisk-config-cli.ts');
      const directory = join(GOLDEN, 'contact-center.yaml');
      await run(process.execPath, ['--import', 'tsx', cli, '--directory', directory, '--out', out], {
        cwd: GOLDEN,
      });
      const extensions = readFileSync(join(out, 'extensions.conf'), 'utf8');
      expect(extensions).toBe(
        readFileSync(join(GOLDEN, 'extensions.conf'), 'utf8').replace(/sipserver\.example:5060/g, 'tserver-sim:5070'),
      );
      expect(readFileSync(join(out, 'pjsip.conf'), 'utf8')).toContain('contact=sip:tserver-sim:5070');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 20_000);
});
