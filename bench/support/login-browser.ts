/**
 * One simulated agent browser for the login storm: REST with `fetch` and the official CometD client
 * (`cometd` + `cometd-nodejs-client`, long-polling only), both on the browser's own loopback hostname
 * (127.0.N.M) so that it has its own cookie jar and its own connections (see docs in
 * /work/shared/notes/cometd-in-node.md: one cookie jar per hostname per process).
 *
 * Flow (issue 5): GET /api/v2/me with Basic -> CometD handshake with the JSESSIONID cookie -> first successful
 * /meta/connect -> POST StartContactCenterSession -> DeviceStateChangeMessage NotReady -> POST Ready ->
 * DeviceStateChangeMessage Ready. Every DeviceStateChangeMessage must describe the agent's own DN.
 */
import type { CometD, Message } from 'cometd';
import { GwsRestAgent, type GwsAnswer } from '../../test/support/gws-rest-agent';
import { benchCometd, closeBenchCometd, cookieJars } from './bench-cometd';
import type { LoginBenchAgent } from './login-directory';

/** Milliseconds spent in each step of one agent's flow. */
export interface LoginTimings {
  /** GET /api/v2/me with Basic until its answer. */
  readonly restLoginMs: number;
  /** CometD handshake until the first successful /meta/connect reply. */
  readonly cometdConnectMs: number;
  /** POST StartContactCenterSession until the NotReady DeviceStateChangeMessage. */
  readonly startToNotReadyMs: number;
  /** POST Ready until the Ready DeviceStateChangeMessage. */
  readonly readyRoundTripMs: number;
  /** From the GET /api/v2/me request to the Ready DeviceStateChangeMessage. */
  readonly loginToReadyMs: number;
  /** Handshakes that failed on the transport (no server answer in time) and that the client retried. */
  readonly handshakeRetries: number;
}

/** The flow's stages, in order: `--stages` runs each for every agent before the next begins. */
export const LOGIN_STAGES = ['restLogin', 'cometdConnect', 'startSession', 'ready'] as const;
export type LoginStage = (typeof LOGIN_STAGES)[number];

type LoginMark = 'start' | 'loggedIn' | 'connecting' | 'polling' | 'starting' | 'notReady' | 'readying' | 'ready';

export type LoginOutcome =
  | { readonly ok: true; readonly timings: LoginTimings }
  | { readonly ok: false; readonly step: string; readonly reason: string };

class StepError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

interface DeviceView {
  readonly phoneNumber?: unknown;
  readonly userState?: { readonly state?: unknown };
}

interface DeviceWaiter {
  readonly state: string;
  resolve(): void;
}

/** The `devices[0]` of a DeviceStateChangeMessage, or undefined for any other message. */
function deviceOf(message: Message): DeviceView | undefined {
  const data: unknown = message.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { messageType, devices } = data as { messageType?: unknown; devices?: unknown };
  if (messageType !== 'DeviceStateChangeMessage' || !Array.isArray(devices)) return undefined;
  const first: unknown = devices[0];
  return typeof first === 'object' && first !== null ? first : {};
}

export class LoginBrowser {
  readonly host: string;
  private readonly baseUrl: string;
  private readonly cometd: CometD;
  private readonly rest: GwsRestAgent;
  /** Device states seen so far, in arrival order. */
  private readonly states: string[] = [];
  private readonly waiters = new Set<DeviceWaiter>();
  /** Set when a DeviceStateChangeMessage describes another DN (or none): the flow fails at once. */
  private foreign: string | undefined;
  private failForeign: ((error: StepError) => void) | undefined;
  private readonly firstConnect: Promise<void>;
  private handshakeRetries = 0;
  /** When each stage began and ended (`performance.now()`). */
  private readonly marks: Partial<Record<LoginMark, number>> = {};
  /** The first failure; every later stage reports it. */
  private failure: LoginOutcome | undefined;

  constructor(
    port: number,
    index: number,
    private readonly agent: LoginBenchAgent,
  ) {
    ({
      host: this.host,
      baseUrl: this.baseUrl,
      cometd: this.cometd,
      firstConnect: this.firstConnect,
    } = benchCometd(port, index, 'login'));
    this.rest = new GwsRestAgent(this.baseUrl, agent.userName);
    this.cometd.addListener('/v2/me/devices', (message) => this.onDevice(message));
  }

  /** Runs the whole flow; never rejects. Every wait ends at `deadline` (a `performance.now()` value) at the latest. */
  async run(deadline: number): Promise<LoginOutcome> {
    for (const stage of LOGIN_STAGES) {
      const outcome = await this.runStage(stage, deadline);
      if (!outcome.ok) return outcome;
    }
    return this.outcome();
  }

  /**
   * Runs one stage of the flow (the stages in order, each once); never rejects. A browser whose earlier stage failed
   * fails this one at once with the same failure, so a stage-by-stage storm still counts every agent once.
   */
  async runStage(stage: LoginStage, deadline: number): Promise<LoginOutcome> {
    if (this.failure !== undefined) return this.failure;
    try {
      await this.stages[stage](deadline);
      return this.outcome();
    } catch (error) {
      this.failure =
        error instanceof StepError
          ? { ok: false, step: error.step, reason: error.message }
          : { ok: false, step: 'unknown', reason: error instanceof Error ? error.message : String(error) };
      return this.failure;
    }
  }

  /** Disconnects the CometD session if it is up; never rejects, bounded by `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    for (const waiter of this.waiters) this.waiters.delete(waiter);
    await closeBenchCometd({ cometd: this.cometd, host: this.host }, timeoutMs);
  }

  /** The timings so far (complete once the `ready` stage has passed). */
  private outcome(): LoginOutcome {
    const { marks } = this;
    const between = (from: number | undefined, to: number | undefined): number =>
      from === undefined || to === undefined ? 0 : to - from;
    return {
      ok: true,
      timings: {
        restLoginMs: between(marks.start, marks.loggedIn),
        cometdConnectMs: between(marks.connecting, marks.polling),
        startToNotReadyMs: between(marks.starting, marks.notReady),
        readyRoundTripMs: between(marks.readying, marks.ready),
        loginToReadyMs: between(marks.start, marks.ready),
        handshakeRetries: this.handshakeRetries,
      },
    };
  }

  private readonly stages: Record<LoginStage, (deadline: number) => Promise<void>> = {
    restLogin: async (deadline) => {
      this.marks.start = performance.now();
      await this.step('login', () => this.rest.login({ timeoutMs: deadline - performance.now() }));
      cookieJars.set(this.host, 'JSESSIONID', this.rest.sessionId!);
      this.marks.loggedIn = performance.now();
    },
    cometdConnect: async (deadline) => {
      this.marks.connecting = performance.now();
      await this.bounded('cometd', deadline, (resolve, reject) => {
        void this.firstConnect.then(resolve);
        this.cometd.addListener('/meta/handshake', (reply) => {
          if (reply.successful === true) return;
          // A refusal by the server carries an error ("403::..."): final. Without one the request itself failed
          // (e.g. no answer within the client's maxNetworkDelay, 10 s): the client handshakes again by itself,
          // as a browser would, and the flow keeps waiting for the first successful /meta/connect.
          if (typeof reply.error === 'string') reject(new StepError('cometd', `handshake refused: ${reply.error}`));
          else this.handshakeRetries++;
        });
        this.cometd.handshake();
      });
      this.marks.polling = performance.now();
    },
    startSession: async (deadline) => {
      this.marks.starting = performance.now();
      const notReady = this.deviceState('NotReady', 'notReady', deadline);
      const answer = await this.step('start', () =>
        this.rest.startContactCenterSession({ timeoutMs: deadline - performance.now() }),
      );
      if (answer.status !== 200) {
        notReady.catch(() => undefined);
        throw new StepError('start', `StartContactCenterSession answered ${answer.status}: ${text(answer)}`);
      }
      await notReady;
      this.marks.notReady = performance.now();
    },
    ready: async (deadline) => {
      this.marks.readying = performance.now();
      const ready = this.deviceState('Ready', 'ready', deadline);
      const answer = await this.step('ready', () => this.rest.ready({ timeoutMs: deadline - performance.now() }));
      if (answer.status !== 200) {
        ready.catch(() => undefined);
        throw new StepError('ready', `Ready answered ${answer.status}: ${text(answer)}`);
      }
      await ready;
      this.marks.ready = performance.now();
    },
  };

  private onDevice(message: Message): void {
    const device = deviceOf(message);
    if (device === undefined) return;
    if (device.phoneNumber !== this.agent.dn) {
      this.foreign ??= `DeviceStateChangeMessage for ${String(device.phoneNumber)}, expected ${this.agent.dn}`;
      this.failForeign?.(new StepError('foreign-device', this.foreign));
      return;
    }
    const state = typeof device.userState?.state === 'string' ? device.userState.state : '?';
    this.states.push(state);
    for (const waiter of this.waiters) {
      if (waiter.state === state) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves at the first DeviceStateChangeMessage in `state` seen since the previous wait for that state. */
  private deviceState(state: string, step: string, deadline: number): Promise<void> {
    const seen = this.states.indexOf(state);
    if (seen >= 0) {
      this.states.splice(0, seen + 1);
      return Promise.resolve();
    }
    let waiter: DeviceWaiter | undefined;
    const waiting = this.bounded(step, deadline, (resolve) => {
      waiter = { state, resolve };
      this.waiters.add(waiter);
    });
    waiting.catch(() => waiter && this.waiters.delete(waiter));
    return waiting;
  }

  /** A promise that fails at `deadline` and as soon as a foreign device message arrives. */
  private bounded(
    step: string,
    deadline: number,
    start: (resolve: () => void, reject: (error: StepError) => void) => void,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.foreign !== undefined) {
        reject(new StepError('foreign-device', this.foreign));
        return;
      }
      const timer = setTimeout(
        () => reject(new StepError(step, `timed out waiting (${step})`)),
        Math.max(0, deadline - performance.now()),
      );
      const done = (error?: StepError): void => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      this.failForeign = (error) => done(error);
      start(
        () => done(),
        (error) => done(error),
      );
    });
  }

  /** Runs one REST exchange of the flow; a failure (refused login, network, timeout) fails that step. */
  private async step<T>(step: string, exchange: () => Promise<T>): Promise<T> {
    try {
      return await exchange();
    } catch (error) {
      throw new StepError(step, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }
}

const text = (answer: GwsAnswer): string => JSON.stringify(answer.body);
