/**
 * Children of `bench/capacity.bench.ts` that hold thousands of sockets (GWS, the bare baseline server, the browser
 * processes): forked with IPC as `BenchChildProcess.forkScript` forks, but through `sh -c 'ulimit -n $(ulimit -Hn)
 * && exec node ...'`, so that each starts with its soft open-file limit raised to the hard one. Node cannot raise
 * its own limit, and the bench's soft limit is whatever the shell that ran it had. `exec` keeps the pid and the IPC
 * descriptor (NODE_CHANNEL_FD), so the child is the node process itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RAISE_AND_EXEC = 'ulimit -n "$(ulimit -Hn)" && exec "$0" "$@"';

/**
 * Forks bench/support/`script` with the soft open-file limit at the hard limit; stdout and stderr go to our stderr.
 * `nice` (0-19) lowers its CPU priority (`nice -n`), to see how much the machine's other processes hold GWS back.
 */
export function forkWithRaisedFdLimit(
  script: string,
  args: readonly string[],
  execArgv: readonly string[],
  nice = 0,
): ChildProcess {
  const node = [process.execPath, ...execArgv, join(__dirname, script), ...args];
  const argv = nice === 0 ? node : ['nice', '-n', String(nice), ...node];
  return spawn('sh', ['-c', RAISE_AND_EXEC, ...argv], { stdio: ['ignore', 2, 2, 'ipc'] });
}

/** A process's soft open-file limit (`Max open files` in /proc/<pid>/limits); undefined if it cannot be read. */
export function openFileLimitOf(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}
