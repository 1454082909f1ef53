/**
 * Renders deploy/nginx/gws.conf.template for a private nginx: the GWS site inside a main config whose pid, logs and
 * temporary files are all under one directory, so an instance can run from a temporary directory with no root
 * rights and no system paths (tests, CI's `nginx -t`). Docker uses the template as it is (docker-compose.yml).
 *
 *   tsx deploy/render-nginx-config.ts --prefix DIR --listen 127.0.0.1:8080 --upstream 127.0.0.1:8081 [...] [--sticky]
 *
 * prints the main config; run it with `nginx -p DIR -e DIR/error.log -c <file>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { privateNginxConfig } from '@gws/gateway';

export const GWS_SITE_TEMPLATE = join(__dirname, 'nginx', 'gws.conf.template');

export interface GwsSiteOptions {
  /** What nginx listens on: a port, or address:port. */
  readonly listen: string;
  /** The GWS nodes, as host:port. */
  readonly upstreams: readonly string[];
  /**
   * Stickiness by the JSESSIONID cookie (the template's `#sticky ` lines: `hash $gws_affinity consistent;` and its
   * map), each node listed once as `hash` takes no backups. Default: round robin, each node also a backup.
   */
  readonly sticky?: boolean;
}

export interface PrivateNginxOptions extends GwsSiteOptions {
  /** The directory holding pid, logs and temporary files (nginx's `-p`). */
  readonly prefix: string;
  /**
   * Run the workers as root. nginx started as root runs its workers as `nobody`, which cannot write the temporary
   * files in a private directory; started as any other user, the workers run as that user and this must be false.
   */
  readonly root: boolean;
}

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5}$/;
const LISTEN = /^((\[[0-9a-fA-F:.]+\]|[\w.-]+):)?\d{1,5}$/;

/** The mark of the template's stickiness lines, a comment unless rendered sticky. */
const STICKY_MARK = /^(\s*)#sticky /gm;

/** The GWS site (an http-context block): the template with its two placeholders filled, sticky lines on request. */
export function renderGwsSite({ listen, upstreams, sticky = false }: GwsSiteOptions): string {
  if (!LISTEN.test(listen)) throw new Error(`listen: expected port or address:port, got "${listen}"`);
  if (upstreams.length === 0) throw new Error('upstreams: at least one GWS node');
  for (const upstream of upstreams) {
    if (!HOST_PORT.test(upstream)) throw new Error(`upstream: expected host:port, got "${upstream}"`);
  }
  const template = readFileSync(GWS_SITE_TEMPLATE, 'utf8');
  return (sticky ? template.replace(STICKY_MARK, '$1') : template)
    .replaceAll('${GWS_LISTEN}', listen)
    .replaceAll('${GWS_UPSTREAM_SERVERS}', renderUpstreamServers(upstreams, sticky).join('\n    '));
}

/**
 * The `server` lines of the upstream block: each node as a primary, then as a backup (the template says why); with
 * `sticky`, the primaries only (`hash` takes no backups).
 */
export function renderUpstreamServers(upstreams: readonly string[], sticky = false): string[] {
  const primaries = upstreams.map((upstream) => `server ${upstream} max_fails=1 fail_timeout=5s;`);
  if (sticky || upstreams.length < 2) return primaries;
  return [...primaries, ...upstreams.map((upstream) => `server ${upstream} backup max_fails=0;`)];
}

/** A complete nginx.conf for a private instance with everything it writes under `prefix`. */
export function renderPrivateNginxConfig(options: PrivateNginxOptions): string {
  return privateNginxConfig(renderGwsSite(options), {
    prefix: options.prefix,
    root: options.root,
    renderedBy:
      'Private nginx for GWS, rendered by deploy/render-nginx-config.ts: everything it writes is under its prefix.',
    errorLogLevel: 'warn',
    workerConnections: 8192,
    workerConnectionsWhy:
      'Two connections per proxied request (client and node); a long poll holds both for up to 30 s.',
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      prefix: { type: 'string' },
      listen: { type: 'string' },
      upstream: { type: 'string', multiple: true },
      sticky: { type: 'boolean' },
    },
  });
  if (values.prefix === undefined || values.listen === undefined || values.upstream === undefined) {
    throw new Error(
      'usage: render-nginx-config --prefix DIR --listen [ADDRESS:]PORT --upstream HOST:PORT [...] [--sticky]',
    );
  }
  const root = process.getuid?.() === 0;
  process.stdout.write(
    renderPrivateNginxConfig({
      prefix: values.prefix,
      listen: values.listen,
      upstreams: values.upstream,
      sticky: values.sticky === true,
      root,
    }),
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    process.stderr.write(`render-nginx-config: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
