/**
 * The bench's side of its browser processes (`capacity-browser-child.ts`): starts them, splits the agents into one
 * contiguous range per process (so each process has its own range of loopback addresses), runs the storms, merges
 * the arrivals they stream into one {@link Arrivals} (a key seen twice, from any process, is a duplicate) and reads
 * their usage around each drive.
 */
import { BenchChildProcess } from './bench-child-process';
import type { Arrivals } from './events-browser';
import { log } from './events-log';
import type { EventsServerUsage } from './events-protocol';
import type { LoginBenchAgent } from './login-directory';
import {
  isCapacityBrowserMessage,
  type CapacityBrowserCommand,
  type CapacityBrowserMessage,
  type IndexedAgent,
} from './capacity-protocol';
import { forkWithRaisedFdLimit } from './capacity-spawn';

type BrowserProcess = BenchChildProcess<CapacityBrowserMessage, CapacityBrowserCommand>;

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const PROGRESS_LOG_EVERY_MS = 10_000;

/** What a storm did, over every process. */
export interface StormResult {
  /** DNs of the agents that reached Ready, in agent order (empty for the baseline's handshakes). */
  readonly readyDns: string[];
  readonly connected: number;
  readonly failures: number;
  readonly firstFailures: string[];
  readonly ms: number;
}

/** Item `p` of `total` split into `parts` contiguous ranges: [from, to). */
const rangeOf = (p: number, parts: number, total: number): { from: number; to: number } => ({
  from: Math.floor((p * total) / parts),
  to: Math.floor(((p + 1) * total) / parts),
});

export class BrowserFleet {
  /** The first Ringing and Released messages any process saw. */
  readonly samples: { ringing?: Record<string, unknown>; released?: Record<string, unknown> } = {};

  private constructor(
    private readonly processes: readonly BrowserProcess[],
    private readonly arrivals: Arrivals,
  ) {
    for (const browser of processes) {
      browser.child.on('message', (message: unknown) => {
        if (!isCapacityBrowserMessage(message)) return;
        if (message.type === 'arrivals') this.merge(message.keys, message.times);
        else if (message.type === 'sample') {
          if (message.state === 'Ringing') this.samples.ringing ??= message.message;
          else this.samples.released ??= message.message;
        }
      });
    }
  }

  /**
   * Starts `count` browser processes (execArgv: this process's, so that they run TypeScript as it does), at CPU
   * priority `nice` (0: as the bench).
   */
  static async start(count: number, arrivals: Arrivals, nice = 0): Promise<BrowserFleet> {
    const processes = Array.from(
      { length: count },
      (_, p) =>
        new BenchChildProcess(
          `capacity-browser-child.ts #${p + 1}`,
          forkWithRaisedFdLimit('capacity-browser-child.ts', [], process.execArgv, nice),
          isCapacityBrowserMessage,
          STOP_TIMEOUT_MS,
        ),
    );
    const fleet = new BrowserFleet(processes, arrivals);
    try {
      await Promise.all(processes.map((browser) => browser.next('ready', START_TIMEOUT_MS)));
    } catch (error) {
      await fleet.stop();
      throw error;
    }
    return fleet;
  }

  get pids(): number[] {
    return this.processes.map((browser) => browser.child.pid ?? -1);
  }

  /** Logs `agents` in (agent i on hostname i), `concurrency` in flight over all processes, bounded by `timeoutMs`. */
  login(
    port: number,
    agents: readonly LoginBenchAgent[],
    concurrency: number,
    timeoutMs: number,
  ): Promise<StormResult> {
    return this.storm('logins', agents.length, timeoutMs, (browser, p) => {
      const { from, to } = rangeOf(p, this.processes.length, agents.length);
      const mine: IndexedAgent[] = agents.slice(from, to).map((agent, i) => ({ ...agent, index: from + i }));
      browser.send({ type: 'login', port, agents: mine, concurrency: this.share(concurrency), timeoutMs });
    });
  }

  /** Handshakes `count` bare clients with the baseline server, as {@link login} spreads agents. */
  handshake(port: number, count: number, concurrency: number, timeoutMs: number): Promise<StormResult> {
    return this.storm('handshakes', count, timeoutMs, (browser, p) => {
      const { from, to } = rangeOf(p, this.processes.length, count);
      browser.send({
        type: 'handshake',
        port,
        from,
        count: to - from,
        concurrency: this.share(concurrency),
        timeoutMs,
      });
    });
  }

  /** Every process's usage (after a full GC in each when `settle`). */
  usage(settle = false): Promise<EventsServerUsage[]> {
    return Promise.all(
      this.processes.map((browser) => {
        const answer = browser.next('usage', 30_000);
        browser.send({ type: 'usage', ...(settle ? { settle } : {}) });
        return answer;
      }),
    );
  }

  /** Disconnects every CometD session (each bounded by `timeoutMs`); never rejects. */
  async close(timeoutMs: number): Promise<void> {
    await Promise.all(
      this.processes.map((browser) => {
        const closed = browser.next('closed', timeoutMs + 30_000);
        browser.send({ type: 'close', timeoutMs });
        return closed;
      }),
    ).catch((error: unknown) => log(`closing the browsers: ${error instanceof Error ? error.message : String(error)}`));
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((browser) => browser.stop()));
  }

  /** Each process's share of a total concurrency (at least 1). */
  private share(total: number): number {
    return Math.max(1, Math.ceil(total / this.processes.length));
  }

  private merge(keys: readonly string[], times: readonly number[]): void {
    const { at } = this.arrivals;
    for (let i = 0; i < keys.length; i++) {
      if (at.has(keys[i]!)) this.arrivals.duplicates++;
      else at.set(keys[i]!, times[i]!);
    }
  }

  private async storm(
    what: string,
    total: number,
    timeoutMs: number,
    begin: (browser: BrowserProcess, p: number) => void,
  ): Promise<StormResult> {
    const done = new Map<BrowserProcess, { done: number; failures: number }>();
    const listeners = this.processes.map((browser) => {
      const listener = (message: unknown): void => {
        if (isCapacityBrowserMessage(message) && message.type === 'progress') done.set(browser, message);
      };
      browser.child.on('message', listener);
      return listener;
    });
    const start = performance.now();
    const timer = setInterval(() => {
      const sum = [...done.values()].reduce((a, b) => ({ done: a.done + b.done, failures: a.failures + b.failures }), {
        done: 0,
        failures: 0,
      });
      const seconds = ((performance.now() - start) / 1000).toFixed(0);
      log(`${what}: ${sum.done}/${total} done, ${sum.failures} failed, ${seconds} s`);
    }, PROGRESS_LOG_EVERY_MS);
    try {
      const answers = await Promise.all(
        this.processes.map((browser, p) => {
          const answer = browser.next('loggedIn', timeoutMs + 30_000);
          begin(browser, p);
          return answer;
        }),
      );
      return {
        readyDns: answers.flatMap((answer) => answer.readyDns),
        connected: answers.reduce((sum, answer) => sum + answer.connected, 0),
        failures: answers.reduce((sum, answer) => sum + answer.failures, 0),
        firstFailures: answers.flatMap((answer) => answer.firstFailures).slice(0, 5),
        ms: Math.round(performance.now() - start),
      };
    } finally {
      clearInterval(timer);
      this.processes.forEach((browser, p) => browser.child.off('message', listeners[p]!));
    }
  }
}
