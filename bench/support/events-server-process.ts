import { BenchChildProcess } from './bench-child-process';
import {
  isEventsServerMessage,
  type EventsCommand,
  type EventsServerMessage,
  type EventsServerUsage,
  type GwsStamps,
} from './events-protocol';

/** How long a child (or a GWS node process) may take to say it is ready. */
export const SERVER_START_TIMEOUT_MS = 120_000;
/** How long a child may take to stop before it is killed. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** A child of `bench/events.bench.ts`: the simulator, GWS, the baseline server or its publisher. */
export class ServerProcess extends BenchChildProcess<EventsServerMessage, EventsCommand> {
  /** `nodeFlags`: GWS_NODE_FLAGS for the GWS child and the baseline server, so both run on the same V8 settings. */
  static start(
    script: string,
    args: string[],
    cpuProfDir: string | undefined,
    semiSpaceMb: number | undefined,
    nodeFlags: readonly string[] = [],
  ): ServerProcess {
    const execArgv = [...process.execArgv, ...nodeFlags];
    if (cpuProfDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
    if (semiSpaceMb !== undefined) execArgv.push(`--max-semi-space-size=${semiSpaceMb}`);
    const child = BenchChildProcess.forkScript(script, args, execArgv);
    return new ServerProcess(script, child, isEventsServerMessage, SHUTDOWN_TIMEOUT_MS);
  }

  /** GWS child: when each of `keys` reached GWS and CometdGateway.deliver (-1: never), as a drive report has them. */
  async handed(keys: readonly string[]): Promise<GwsStamps> {
    const answer = this.next('handed', 30_000);
    this.send({ type: 'handed', keys });
    const { at, receivedAt } = await answer;
    return { handedToCometdAt: at, gwsReceivedAt: receivedAt };
  }

  /** `settle`: the child runs a full GC first (events-usage.ts). */
  usage(settle = false): Promise<EventsServerUsage> {
    const answer = this.next('usage', 10_000);
    this.send({ type: 'usage', ...(settle ? { settle } : {}) });
    return answer;
  }
}
