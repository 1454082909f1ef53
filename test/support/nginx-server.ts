import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tcpAccepts } from './tcp-accepts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeLoopbackPort } from '@gws/testing';
import { renderPrivateNginxConfig } from '../../deploy/render-nginx-config';

/** Debian's nginx (`.ci/run` installs it when missing). */
export const NGINX_BIN = '/usr/sbin/nginx';

/** A private nginx in front of GWS nodes (deploy/nginx/gws.conf.template), on a port of its own. */
export interface TestNginx {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The master process. */
  readonly pid: number;
  /** Points it at other nodes; resolves once only workers on the new configuration accept connections. */
  reload(upstreams: readonly string[]): Promise<void>;
  /** The last `lines` lines of its error log (default 20), for a failing test's message. */
  errorLog(lines?: number): string;
  /** Stops it (fast shutdown), waits for the master to exit, removes its directory. Idempotent. */
  stop(): Promise<void>;
}

export interface TestNginxOptions {
  /** The GWS nodes, as host:port. */
  readonly upstreams: readonly string[];
  /** Its port; a free one when absent. */
  readonly port?: number;
  /**
   * Listen on 0.0.0.0 instead of 127.0.0.1 only, so that clients reach it at any loopback address: CometD test
   * browsers each use one of their own, 127.0.0.N (test/support/cometd-test-client.ts says why).
   */
  readonly listenAllAddresses?: boolean;
  /**
   * Stickiness by the JSESSIONID cookie (`hash $gws_affinity consistent;`, each node listed once; renderGwsSite in
   * deploy/render-nginx-config.ts), kept across reloads. Default: round robin, each node also a backup.
   */
  readonly sticky?: boolean;
  /** How long to wait for it to accept connections, or for a reload (default 10 s). */
  readonly timeoutMs?: number;
}

const run = promisify(execFile);

/** Starts nginx from a temporary directory (config, pid, logs, temporary files); resolves once it accepts. */
export async function startNginx(options: TestNginxOptions): Promise<TestNginx> {
  const port = options.port ?? (await freeLoopbackPort());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const address = options.listenAllAddresses === true ? '0.0.0.0' : '127.0.0.1';
  const prefix = mkdtempSync(join(tmpdir(), 'gws-nginx-'));
  const conf = join(prefix, 'nginx.conf');
  const errorLogFile = join(prefix, 'error.log');
  const args = ['-p', prefix, '-e', errorLogFile, '-c', conf];
  const render = (upstreams: readonly string[]): void =>
    writeFileSync(
      conf,
      renderPrivateNginxConfig({
        prefix,
        listen: `${address}:${port}`,
        upstreams,
        sticky: options.sticky === true,
        root: process.getuid?.() === 0,
      }),
    );
  const errorLog = (lines = 20): string =>
    existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8').trim().split('\n').slice(-lines).join('\n') : '';

  render(options.upstreams);
  const master = spawn(NGINX_BIN, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  master.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  master.on('error', (error) => (stderr += error.message));
  const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
  const running = (): boolean => master.pid !== undefined && master.exitCode === null && master.signalCode === null;
  const failure = (what: string): Error => new Error(`nginx on port ${port}: ${what}\n${stderr.trim()}\n${errorLog()}`);
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (running()) {
      const killer = setTimeout(() => master.kill('SIGKILL'), timeoutMs);
      master.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    }
    rmSync(prefix, { recursive: true, force: true });
  };

  try {
    if (master.pid === undefined) throw failure('did not start');
    await until(() => tcpAccepts('127.0.0.1', port), running, timeoutMs, failure, 'accepting connections');
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = master.pid;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    errorLog,
    stop,
    async reload(upstreams) {
      render(upstreams);
      // A bad configuration would only be logged by the master, which keeps the old one: check it first.
      await run(NGINX_BIN, [...args, '-t', '-q']);
      const before = new Set(workers(pid).map((worker) => worker.pid));
      process.kill(pid, 'SIGHUP');
      // Old workers retitle themselves "is shutting down" when they close their listeners (and may linger on open
      // long polls); new ones carry the plain title.
      await until(
        () => {
          const current = workers(pid).filter((worker) => worker.title === 'nginx: worker process');
          return current.length > 0 && current.every((worker) => !before.has(worker.pid));
        },
        running,
        timeoutMs,
        failure,
        'the reload',
      );
    },
  };
}

/** The master's children with their process titles (Linux /proc). */
function workers(master: number): { pid: number; title: string }[] {
  const children = readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim();
  if (children === '') return [];
  return children.split(' ').map((child) => {
    const pid = Number(child);
    const title = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').trim();
      } catch {
        return ''; // exited in between
      }
    })();
    return { pid, title };
  });
}

/** Polls `check` every 20 ms until it holds; rejects naming `what` when the master exits first or after `timeoutMs`. */
async function until(
  check: () => boolean | Promise<boolean>,
  running: () => boolean,
  timeoutMs: number,
  failure: (what: string) => Error,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (!running()) throw failure(`exited before ${what}`);
    if (Date.now() > deadline) throw failure(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
