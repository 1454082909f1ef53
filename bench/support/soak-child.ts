import { readFileSync } from 'node:fs';
import { GWS_NODE_FLAGS } from '../../apps/gws/src/bootstrap/node-flags';
import { BenchChildProcess } from './bench-child-process';
import {
  isSoakServerMessage,
  type SoakCommand,
  type SoakServerMessage,
  type SoakServerReady,
  type SoakServerStats,
} from './soak-protocol';

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const STATS_TIMEOUT_MS = 10_000;
const RSS_SAMPLE_MS = 200;

/** `VmRSS` / `VmHWM` of a process from /proc/<pid>/status, in MB; undefined once it is gone (or off Linux). */
function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parent's side of the server under test: started with the Node flags of `npm start`, its RSS sampled while it
 * runs, and a crash told apart from the stop we asked for (an exit before {@link stop} is a crash).
 */
export class SoakServerProcess extends BenchChildProcess<SoakServerMessage, SoakCommand> {
  private stopping = false;
  private exitNote: string | undefined;
  private sampledPeakMb = 0;
  private sampler: NodeJS.Timeout | undefined;
  private statsQueue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  ready: SoakServerReady | undefined;

  static start(): SoakServerProcess {
    const child = BenchChildProcess.forkScript('soak-server.ts', [], [...process.execArgv, ...GWS_NODE_FLAGS]);
    const server = new SoakServerProcess('server under test', child, isSoakServerMessage, STOP_TIMEOUT_MS);
    // An IPC send racing the child's death fails with EPIPE on the ChildProcess: the exit below says what happened.
    child.on('error', (error) => process.stderr.write(`[soak] server under test: ${error.message}\n`));
    child.once('exit', (code, signal) => {
      if (server.sampler) clearInterval(server.sampler);
      if (!server.stopping) server.exitNote = `exited on its own (code ${String(code)}, signal ${String(signal)})`;
    });
    return server;
  }

  async waitReady(): Promise<SoakServerReady> {
    this.ready = await this.next('ready', START_TIMEOUT_MS);
    this.sampler = setInterval(() => this.rssMb(), RSS_SAMPLE_MS);
    this.sampler.unref();
    return this.ready;
  }

  /** Why the server ended before we stopped it, or undefined while it runs (or after our stop). */
  get crash(): string | undefined {
    return this.exitNote;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Current RSS (VmRSS), also feeding the sampled peak. */
  rssMb(): number | undefined {
    const rss = this.ready === undefined ? undefined : procStatusMb(this.ready.pid, 'VmRSS');
    if (rss !== undefined) this.sampledPeakMb = Math.max(this.sampledPeakMb, rss);
    return rss;
  }

  /** The peak RSS: the kernel's high-water mark (VmHWM) while the process lives, else the highest sample. */
  peakRssMb(): number {
    const hwm = this.ready === undefined ? undefined : procStatusMb(this.ready.pid, 'VmHWM');
    return Math.max(hwm ?? 0, this.sampledPeakMb);
  }

  /** One `stats` exchange at a time, so that concurrent callers each get their own answer. */
  stats(userId?: string, settle = false): Promise<SoakServerStats> {
    const exchange = this.statsQueue.then(async () => {
      const seq = ++this.seq;
      const answer = this.next('stats', STATS_TIMEOUT_MS);
      this.send({ type: 'stats', seq, settle, ...(userId === undefined ? {} : { userId }) });
      const stats = await answer;
      if (stats.seq !== seq) throw new Error(`stats answer ${stats.seq} to request ${seq}`);
      return stats;
    });
    this.statsQueue = exchange.catch(() => undefined);
    return exchange;
  }

  override async stop(): Promise<void> {
    this.stopping = true;
    if (this.sampler) clearInterval(this.sampler);
    await super.stop();
  }
}
