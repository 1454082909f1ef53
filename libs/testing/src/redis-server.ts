import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private `redis-server` (the Debian package) for one test file or benchmark, on a free loopback port. */
export interface TestRedisServer {
  /** `redis://127.0.0.1:<port>`: what REDIS_URL takes. */
  readonly url: string;
  readonly port: number;
  /** Its working directory (the AOF files live here); removed by `stop`. */
  readonly dir: string;
  /** The server's pid while it runs. */
  pid(): number | undefined;
  /** Stops it (SIGTERM, as an operator would) and starts it again on the same port and data; resolves when ready. */
  restart(): Promise<void>;
  /** Stops the process (SIGTERM) and waits for it to exit; the data stays for `start`. */
  halt(): Promise<void>;
  /** Starts it again after `halt`, on the same port and data; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its directory. Idempotent. */
  stop(): Promise<void>;
}

export interface TestRedisOptions {
  /** AOF persistence, as the shipped config has it (default true), so a restart keeps every key. */
  readonly appendOnly?: boolean;
  /** How long to wait for "Ready to accept connections" (default 10 s). */
  readonly readyTimeoutMs?: number;
}

/** A port the kernel gave a listener on 127.0.0.1 and took back; free for the next process to bind. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Starts `redis-server` on a free loopback port in a new temporary directory; resolves once it is ready. */
export async function startRedisServer(options: TestRedisOptions = {}): Promise<TestRedisServer> {
  const port = await freeLoopbackPort();
  const dir = mkdtempSync(join(tmpdir(), 'gws-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly === false ? 'no' : 'yes',
    '--appendfsync',
    'everysec',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
  ];
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  let child: ChildProcess | undefined;
  let stopped = false;

  const launch = async (): Promise<void> => {
    // Readiness is a PING answered on the port; the log line changes between Redis versions.
    const started = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${stderr.trim()}`))),
    );
    exited.catch(() => undefined);
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      const ready = await Promise.race([ping(port), exited]);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} not ready after ${readyTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const halt = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exit = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exit;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    pid: () => child?.pid,
    halt,
    start: launch,
    restart: async () => {
      await halt();
      await launch();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when something on the port answers a Redis PING with PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let answer = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}
