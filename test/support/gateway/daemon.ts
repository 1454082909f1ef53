import { spawn } from 'node:child_process';

/** A daemon started in the foreground for a test, its output kept for failure messages. */
export interface TestDaemon {
  readonly name: string;
  readonly pid: number;
  /** The last `lines` lines it wrote (stdout and stderr together; default 40). */
  logs(lines?: number): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export interface DaemonSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** True once the daemon serves (a port answering), polled until `timeoutMs`. */
  readonly ready: () => Promise<boolean>;
  readonly timeoutMs?: number;
}

/** Lines kept per daemon: enough for a failing test's message, bounded for a long run. */
const KEPT_LINES = 2000;

/** Starts `command` and resolves once `ready()` holds; rejects with its output when it exits or times out first. */
export async function startDaemon(spec: DaemonSpec): Promise<TestDaemon> {
  const timeoutMs = spec.timeoutMs ?? 15_000;
  const child = spawn(spec.command, spec.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kept: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer): void => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    kept.push(...lines);
    if (kept.length > KEPT_LINES) kept.splice(0, kept.length - KEPT_LINES);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = (): boolean => spawnError === undefined && child.exitCode === null && child.signalCode === null;
  const logs = (lines = 40): string => [...kept, partial].filter(Boolean).slice(-lines).join('\n');

  let stopped = false;
  const stop = async (graceMs = 5_000): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (!running() || child.pid === undefined) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(killer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!running()) {
      const why = spawnError?.message ?? `exit ${child.exitCode ?? child.signalCode}`;
      throw new Error(`${spec.name} did not start (${why}):\n${logs()}`);
    }
    if (await spec.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${spec.name} not ready within ${timeoutMs} ms:\n${logs()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { name: spec.name, pid: child.pid!, logs, stop };
}
