import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GWS_NODE_FLAGS, missingNodeFlags } from './node-flags';

const root = join(__dirname, '../../../..');

describe('GWS_NODE_FLAGS', () => {
  it('are on the command line of npm start', () => {
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } })
      .scripts.start;
    const command = start.slice(start.indexOf('node '));
    for (const flag of GWS_NODE_FLAGS) expect(command.split(' ')).toContain(flag);
  });

  it("are on the command line of the Docker image's CMD", () => {
    const cmd = readFileSync(join(root, 'Dockerfile'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD '));
    expect(cmd).toBeDefined();
    const argv = JSON.parse(cmd!.slice('CMD '.length)) as string[];
    for (const flag of GWS_NODE_FLAGS) expect(argv).toContain(flag);
    expect(argv.indexOf(GWS_NODE_FLAGS[0]!)).toBeLessThan(argv.findIndex((arg) => arg.endsWith('main.js')));
  });

  it('names the flags a process was started without', () => {
    expect(missingNodeFlags(['--inspect'])).toEqual([...GWS_NODE_FLAGS]);
    expect(missingNodeFlags([...GWS_NODE_FLAGS])).toEqual([]);
  });
});
