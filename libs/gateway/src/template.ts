import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The gateway's config templates, in deploy/gateway/ (operators read and mount them as they are). */
export type GatewayTemplate = 'kamailio.cfg' | 'rtpengine.conf' | 'turnserver.conf' | 'nginx-wss.conf';

const TEMPLATE_DIR = join('deploy', 'gateway');

/** deploy/gateway/, found by walking up from this module (sources, or a checkout's dist/). */
export function gatewayTemplateDir(): string {
  for (let dir = __dirname, depth = 0; depth < 6; dir = join(dir, '..'), depth++) {
    const candidate = join(dir, TEMPLATE_DIR);
    if (existsSync(join(candidate, 'kamailio.cfg.template'))) return candidate;
  }
  throw new Error(`cannot find ${TEMPLATE_DIR} above ${__dirname}`);
}

export function readGatewayTemplate(name: GatewayTemplate): string {
  return readFileSync(join(gatewayTemplateDir(), `${name}.template`), 'utf8');
}

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)\}/g;

/**
 * Fills `${NAME}` placeholders, the syntax envsubst also reads (containers render the same files with it). Every
 * placeholder must get a value and every value a placeholder, so a renamed one fails here rather than in the daemon.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  const used = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder \${${name}} has no value`);
    used.add(name);
    return String(value);
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`no placeholder for ${unused.join(', ')}`);
  return filled;
}

/**
 * Turns on optional lines: `#<mark> <line>` becomes `<line>` (as a comment they are the production default, which
 * envsubst leaves alone).
 */
export function enableMarkedLines(template: string, mark: string): string {
  return template.replace(new RegExp(`^(\\s*)#${mark} `, 'gm'), '$1');
}
