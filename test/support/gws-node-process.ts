import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort } from '@gws/testing';
import { GWS_NODE_FLAGS } from '../../apps/gws/src/bootstrap/node-flags';
import type { LoopbackSimulators } from './gws-node';

const REPO_ROOT = join(__dirname, '..', '..');
const CHILD_ENTRY = join(__dirname, 'gws-node-child.ts');
/** Lines of stdout and stderr kept for `output()`. */
const OUTPUT_LINES = 200;

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One GWS node in an OS process of its own, as `npm run start:node` runs it (from the sources, not the build). */
export interface GwsNodeProcess {
  readonly nodeId: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly pid: number;
  /** Settles when the process exits, however it ends. */
  readonly exited: Promise<ProcessExit>;
  /** Sends `signal` (SIGKILL: a node lost with no goodbye) and resolves with the exit. */
  kill(signal?: NodeJS.Signals): Promise<ProcessExit>;
  /** SIGTERM, as an orchestrator stops a node (it drains), and the exit; rejects after `timeoutMs` with SIGKILL. */
  terminate(timeoutMs?: number): Promise<ProcessExit>;
  /** The last lines the node wrote to stdout and stderr. */
  output(): string;
}

export interface GwsNodeProcessOptions {
  /** How long to wait for `/health/ready` to answer 200 (default 60 s: the node compiles GWS as it loads it). */
  readonly readyTimeoutMs?: number;
}

/** What a node needs to reach simulators on loopback ports as its T-Server and Configuration Server. */
export function loopbackSimulatorEnv(simulators: LoopbackSimulators): Record<string, string> {
  return {
    TSERVER_PRIMARY: `127.0.0.1:${simulators.tserverPrimary}`,
    TSERVER_BACKUP: `127.0.0.1:${simulators.tserverBackup}`,
    CONFSERV_ENDPOINTS: `127.0.0.1:${simulators.confserv}`,
  };
}

/**
 * Starts one GWS node with `env` (and of this process's environment only PATH and TMPDIR) on 127.0.0.1:<free port>
 * (GWS_HOST, GWS_PORT and GWS_NODE_ID unless `env` names them; LOG_LEVEL=warn by default; see GWS_TEST_NODE_LOGS below) and resolves once
 * `/health/live` answers and `/health/ready` is 200. A node that exits or is not ready in time is killed and the
 * error carries the tail of its output.
 */
export async function startGwsNodeProcess(
  env: Record<string, string>,
  options: GwsNodeProcessOptions = {},
): Promise<GwsNodeProcess> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  // Tracing a cluster test: GWS_TEST_NODE_LOGS=<dir> keeps each node's whole output, at debug level, in
  // <dir>/<node id>.log.
  const logDir = process.env.GWS_TEST_NODE_LOGS || undefined;
  const nodeEnv: Record<string, string> = {
    GWS_HOST: '127.0.0.1',
    GWS_PORT: String(await freeLoopbackPort()),
    GWS_NODE_ID: `node-${randomUUID().slice(0, 8)}`,
    LOG_LEVEL: logDir === undefined ? 'warn' : 'debug',
    ...env,
  };
  const nodeId = nodeEnv.GWS_NODE_ID!;
  const port = Number(nodeEnv.GWS_PORT);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...GWS_NODE_FLAGS, '--require', 'tsx/cjs', CHILD_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...(process.env.TMPDIR === undefined ? {} : { TMPDIR: process.env.TMPDIR }),
      ...nodeEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line.length > 0),
    );
    if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (logDir !== undefined) {
    const file = createWriteStream(join(logDir, `${nodeId}.log`), { flags: 'a' });
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
    child.once('close', () => file.end());
  }
  child.on('error', (error) => lines.push(`spawn: ${error.message}`));
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const output = (): string => lines.join('\n');
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<ProcessExit> => {
    if (running()) child.kill(signal);
    return exited;
  };

  try {
    if (child.pid === undefined) throw new Error('not started');
    await untilReady(url, running, readyTimeoutMs);
  } catch (error) {
    if (child.pid !== undefined) await kill();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`GWS node ${nodeId} on port ${port}: ${reason}\n${output()}`, { cause: error });
  }

  return {
    nodeId,
    port,
    url,
    pid: child.pid,
    exited,
    kill,
    output,
    async terminate(timeoutMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`GWS node ${nodeId}: still running ${timeoutMs} ms after SIGTERM\n${output()}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([kill('SIGTERM'), late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Polls `/health/live` until the node answers, then `/health/ready` until it is 200. */
async function untilReady(url: string, running: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (const path of ['/health/live', '/health/ready']) {
    for (;;) {
      if (!running()) throw new Error(`exited before ${path} answered 200`);
      const status = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(2000) }).then(
        async (response) => {
          last = `${path}: ${response.status} ${await response.text()}`;
          return response.status;
        },
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms (${last})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
