import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Runs the real entry point the way `npm run tlib` does (tsx honours the @gws/* paths). */
function tlib(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/tlib-cli/src/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tlib CLI process', () => {
  it('decodes and exits 0', () => {
    expect(tlib('decode', '54 4c 02 00 00 00 04 00 00 00 07')).toEqual({
      status: 0,
      stdout: '{"addp":"poll","token":7}\n',
      stderr: '',
    });
  });

  it('reports bad input as one line on stderr and exits 2', () => {
    expect(tlib('decode', '54 4')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'tlib: bad hex: odd number of digits (3)\n',
    });
  });
});
