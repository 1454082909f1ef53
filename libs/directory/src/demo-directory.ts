import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DEMO_FILE = join('config', 'demo-contact-center.yaml');

/**
 * The demo contact center shipped with the project (both simulators start on it by default). Found by walking up
 * from this module, so it resolves the same from the sources and from `dist/`.
 */
export function demoDirectoryFile(): string {
  for (let dir = __dirname, depth = 0; depth < 6; dir = join(dir, '..'), depth++) {
    const candidate = join(dir, DEMO_FILE);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find ${DEMO_FILE} above ${__dirname}`);
}
