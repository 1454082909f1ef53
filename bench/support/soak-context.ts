/** What every soak scenario gets (`bench/soak.ts` runs them one after the other against one server). */
import { GwsRestAgent, type GwsAnswer, type GwsRequestOptions } from '../../test/support/gws-rest-agent';
import { rawHandshake } from '../../test/support/raw-bayeux';
import type { SoakServerProcess } from './soak-child';
import type { StatusTally } from './soak-http';
import type { SoakServerReady } from './soak-protocol';

export interface SoakOptions {
  /** Multiplies every scenario's time budget and the default request counts. */
  readonly scale: number;
  readonly oversizedSockets: number;
  readonly streamedBodies: number;
  readonly streamMaxBytes: number;
  readonly malformedRepeats: number;
  /** Whether cometd-malformed waits (in the background, while later scenarios run) for its session to expire. */
  readonly intervalWait: boolean;
  readonly loginGuesses: number;
  readonly basicRequests: number;
  readonly basicConcurrency: number;
  readonly restRepeats: number;
  readonly neverAckAgents: number;
  readonly simConnections: number;
}

export interface SoakContext {
  readonly ports: SoakServerReady;
  readonly server: SoakServerProcess;
  /** This scenario's tally (it feeds the whole run's). */
  readonly tally: StatusTally;
  readonly options: SoakOptions;
  /** `http://127.0.0.1:<GWS port>` */
  readonly baseUrl: string;
  /** A source address of this scenario's own (`127.0.<scenario>.<1 + n>`) for requests that carry credentials. */
  address(n?: number): string;
  /** Milliseconds left of this scenario's time budget (never below 0). */
  remainingMs(): number;
  /** The budget is spent or the server is gone: stop sending. */
  expired(): boolean;
  /**
   * Work a scenario leaves running (a wait) while the next scenarios run; it settles before the report. Its fields
   * replace the scenario's fields of the same name, and its `ok: false` fails the scenario.
   */
  background(work: Promise<Record<string, unknown>>): void;
}

/** A scenario's report: its own checks, and whether they held. */
export type ScenarioReport = Record<string, unknown> & { readonly ok: boolean };

export interface Scenario {
  readonly name: string;
  /** Time budget at scale 1, ms. */
  readonly budgetMs: number;
  run(context: SoakContext): Promise<ScenarioReport>;
}

/**
 * A REST agent (test/support/gws-rest-agent.ts) whose every answer is counted in a scenario's tally. It goes out
 * from 127.0.0.1 (fetch cannot choose a source address): use it only for logins that succeed.
 */
export class TrackedRestAgent extends GwsRestAgent {
  constructor(
    private readonly tally: StatusTally,
    baseUrl: string,
    userName: string,
    password?: string,
  ) {
    super(baseUrl, userName, password);
  }

  override request(method: string, path: string, body?: string, options: GwsRequestOptions = {}): Promise<GwsAnswer> {
    return this.tally.track(super.request(method, path, body, { timeoutMs: 15_000, ...options }));
  }
}

/** One device of GET /api/v2/me/devices. */
export interface SoakDevice {
  readonly id: string;
  readonly phoneNumber: string;
}

/** Logs `userName` in (REST, from 127.0.0.1), starts its contact-center session and reads its device. */
export async function seatAgent(
  context: SoakContext,
  userName: string,
): Promise<{ agent: TrackedRestAgent; userId: string; device: SoakDevice }> {
  const agent = new TrackedRestAgent(context.tally, context.baseUrl, userName);
  const me = await agent.login();
  const userId = (me.body as { user: { id: string } }).user.id;
  const started = await agent.startContactCenterSession();
  if (started.status !== 200) throw new Error(`${userName}: StartContactCenterSession ${JSON.stringify(started.body)}`);
  const devices = await agent.get('/api/v2/me/devices?fields=*');
  const device = (devices.body as { devices?: SoakDevice[] }).devices?.[0];
  if (device === undefined) throw new Error(`${userName} has no device: ${JSON.stringify(devices.body)}`);
  return { agent, userId, device };
}

/**
 * A Bayeux handshake on a logged-in agent's HTTP session, sent raw (test/support/raw-bayeux.ts, from 127.0.0.1): the
 * client id, and the cookies (JSESSIONID and BAYEUX_BROWSER) to poll with.
 */
export async function agentHandshake(
  context: SoakContext,
  agent: GwsRestAgent,
  ext: Record<string, unknown> = {},
): Promise<{ clientId: string; cookies: Record<string, string> }> {
  const { clientId, cookies, status, messages } = await context.tally.track(
    rawHandshake(context.ports.gwsPort, agent.sessionId ?? '', ext),
  );
  if (clientId === undefined) {
    throw new Error(`${agent.userName}'s handshake failed: ${status} ${JSON.stringify(messages)}`);
  }
  return { clientId, cookies };
}

/** The simulator control API (docs/simulator.md), counted in the scenario's tally. */
export async function control(
  context: SoakContext,
  method: 'GET' | 'POST',
  path: string,
  body?: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return context.tally.track(
    (async () => {
      const response = await fetch(`http://127.0.0.1:${context.ports.controlPort}${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
    })(),
  );
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
