/**
 * Simulated browsers for `bench/events.bench.ts`: the official CometD client (`cometd` + `cometd-nodejs-client`,
 * long polling only), each on its own loopback hostname (see /work/shared/notes/cometd-in-node.md: one cookie jar
 * per hostname per process), recording when each CallStateChangeMessage arrives, keyed `<call.id>:<call.state>`.
 *
 * - {@link GwsAgentBrowser}: an agent of GWS; logs in and goes Ready as `login-browser.ts` does (GET /api/v2/me with
 *   Basic, CometD handshake with the JSESSIONID cookie, StartContactCenterSession, Ready), then holds its long poll.
 *   Given a {@link SequenceLog}, it also records the `ext.seq` of every data message it receives.
 *   A minimal copy of that flow: LoginBrowser keeps its CometD client private and cannot take a `/v2/me/calls`
 *   listener, and its module's cookie jars cannot be shared (not exported).
 * - {@link BaselineBrowser}: a client of the bare baseline server; handshakes and holds its long poll.
 */
import type { CometD, Message } from 'cometd';
import { GwsRestAgent } from '../../test/support/gws-rest-agent';
import { benchCometd, closeBenchCometd, cookieJars } from './bench-cometd';
import { wallClockMs } from './events-clock';
import type { SequenceLog } from './events-sequence';
import type { LoginBenchAgent } from './login-directory';

/** Arrival time (bench clock) of every CallStateChangeMessage, keyed `<call.id>:<call.state>`, across browsers. */
export class Arrivals {
  readonly at = new Map<string, number>();
  duplicates = 0;
  /** The first Ringing and Released messages seen (the baseline copies them). */
  ringing: Record<string, unknown> | undefined;
  released: Record<string, unknown> | undefined;

  record(data: unknown, time: number): void {
    if (typeof data !== 'object' || data === null) return;
    const message = data as { messageType?: unknown; call?: { id?: unknown; state?: unknown } };
    if (message.messageType !== 'CallStateChangeMessage' || typeof message.call?.id !== 'string') return;
    const key = `${message.call.id}:${String(message.call.state)}`;
    if (this.at.has(key)) this.duplicates++;
    else this.at.set(key, time);
    if (message.call.state === 'Ringing') this.ringing ??= data as Record<string, unknown>;
    if (message.call.state === 'Released') this.released ??= data as Record<string, unknown>;
  }

  clear(): void {
    this.at.clear();
    this.duplicates = 0;
  }
}

/** A bounded wait: rejects with `what` once `deadline` (performance.now()) passes. */
function until<T>(what: string, deadline: number, start: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), Math.max(0, deadline - performance.now()));
    start((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

abstract class EventsBrowser {
  readonly host: string;
  protected readonly baseUrl: string;
  protected readonly cometd: CometD;
  private readonly firstConnect: Promise<void>;

  protected constructor(port: number, index: number, arrivals: Arrivals) {
    ({
      host: this.host,
      baseUrl: this.baseUrl,
      cometd: this.cometd,
      firstConnect: this.firstConnect,
    } = benchCometd(port, index, 'events'));
    this.cometd.addListener('/v2/me/calls', (message: Message) => arrivals.record(message.data, wallClockMs()));
  }

  /** The Bayeux client id the server gave it (undefined before the handshake). */
  get clientId(): string | undefined {
    return this.cometd.getClientId() ?? undefined;
  }

  /** Handshakes and resolves at the first successful /meta/connect (the long poll is then parked). */
  protected connect(deadline: number): Promise<void> {
    return until<void>('CometD handshake and first /meta/connect', deadline, (resolve) => {
      void this.firstConnect.then(resolve);
      this.cometd.handshake();
    });
  }

  /** Disconnects the CometD session if it is up; never rejects, bounded by `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    await closeBenchCometd({ cometd: this.cometd, host: this.host }, timeoutMs);
  }
}

export class BaselineBrowser extends EventsBrowser {
  constructor(port: number, index: number, arrivals: Arrivals) {
    super(port, index, arrivals);
  }

  /** Never rejects: an error message, or undefined when the long poll is parked. */
  async run(deadline: number): Promise<string | undefined> {
    try {
      await this.connect(deadline);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}

export class GwsAgentBrowser extends EventsBrowser {
  private readonly rest: GwsRestAgent;
  private readonly states: string[] = [];
  private stateSeen: ((state: string) => void) | undefined;

  constructor(
    port: number,
    index: number,
    arrivals: Arrivals,
    readonly agent: LoginBenchAgent,
    sequences?: SequenceLog,
  ) {
    super(port, index, arrivals);
    this.rest = new GwsRestAgent(this.baseUrl, agent.userName);
    if (sequences !== undefined) {
      this.cometd.registerExtension('bench-sequence', {
        incoming: (message) => {
          if (!message.channel.startsWith('/meta/') && message.data !== undefined) {
            const seq = (message.ext as { seq?: unknown } | undefined)?.seq;
            sequences.record(agent.userName, typeof seq === 'number' ? seq : undefined, wallClockMs());
          }
          return message;
        },
      });
    }
    this.cometd.addListener('/v2/me/devices', (message: Message) => {
      const data = message.data as { messageType?: unknown; devices?: { userState?: { state?: unknown } }[] };
      if (data.messageType !== 'DeviceStateChangeMessage') return;
      const state = String(data.devices?.[0]?.userState?.state);
      this.states.push(state);
      this.stateSeen?.(state);
    });
  }

  /** Logs in and goes Ready; never rejects: an error message, or undefined when the agent is Ready. */
  async run(deadline: number): Promise<string | undefined> {
    try {
      await this.rest.login({ timeoutMs: deadline - performance.now() });
      cookieJars.set(this.host, 'JSESSIONID', this.rest.sessionId!);
      await this.connect(deadline);
      const notReady = this.deviceState('NotReady', deadline);
      const start = await this.rest.startContactCenterSession({ timeoutMs: deadline - performance.now() });
      if (start.status !== 200) throw new Error(`StartContactCenterSession answered ${start.status}`);
      await notReady;
      const ready = this.deviceState('Ready', deadline);
      const answer = await this.rest.ready({ timeoutMs: deadline - performance.now() });
      if (answer.status !== 200) throw new Error(`Ready answered ${answer.status}`);
      await ready;
      return undefined;
    } catch (error) {
      return `${this.agent.userName}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private deviceState(state: string, deadline: number): Promise<void> {
    if (this.states.includes(state)) return Promise.resolve();
    return until<void>(`DeviceStateChangeMessage ${state}`, deadline, (resolve) => {
      this.stateSeen = (seen) => {
        if (seen === state) resolve();
      };
    });
  }
}
