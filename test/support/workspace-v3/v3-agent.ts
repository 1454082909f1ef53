import WorkspaceApi from 'genesys-workspace-client-js';
import { EventLog } from './event-log';
import type { V3Platform } from './v3-platform';

type Call = WorkspaceApi.Call;
type Dn = WorkspaceApi.Dn;

/**
 * One agent driving Genesys' library, unmodified: `new WorkspaceApi(apiKey, baseUrl)`, `initialize({token})`, and
 * the library's own calls from there. Records what the library emits so that tests wait on it (bounded).
 */
export class V3Agent {
  readonly calls = new EventLog<WorkspaceApi.CallStateChangedEvent>();
  readonly dns = new EventLog<Dn>();
  readonly userEvents = new EventLog<Record<string, unknown>>();

  private constructor(
    readonly api: WorkspaceApi,
    private readonly platform: V3Platform,
  ) {
    api.on('CallStateChanged', (event: WorkspaceApi.CallStateChangedEvent) => this.calls.push(event));
    api.on('DnStateChanged', ({ dn }: { dn: Dn }) => this.dns.push(dn));
    api.on('EventUserEvent', (message: Record<string, unknown>) => this.userEvents.push(message));
  }

  /** A token for the user, then `initialize()`: the session cookie, the CometD handshake, the initialization. */
  static async initialize(platform: V3Platform, userName: string, apiKey?: string): Promise<V3Agent> {
    const api = new WorkspaceApi(apiKey, platform.baseUrl, 'false');
    const agent = new V3Agent(api, platform);
    await api.initialize({ token: await platform.token(userName) });
    return agent;
  }

  /**
   * The library's `destroy()`, which sends its logout without waiting for it; waits until the server has ended the
   * session (its cookie, read from the library, is refused), so that no logout is still in flight when a test ends.
   */
  async destroy(): Promise<void> {
    await this.api.destroy();
    await this.platform.sessionEnded(sessionCookieOf(this.api));
  }

  /** The next DN state matching `predicate`. */
  nextDn(predicate: (dn: Dn) => boolean, what: string, timeoutMs?: number): Promise<Dn> {
    return this.dns.next(predicate, `${this.api.user.userName}: DnStateChanged ${what}`, timeoutMs);
  }

  /** The next CallStateChanged whose call is in `state` (and is `callId`, when given). */
  async nextCall(state: string, callId?: string, timeoutMs?: number): Promise<Call> {
    const event = await this.calls.next(
      ({ call }) => call.state === state && (callId === undefined || call.id === callId),
      `${this.api.user.userName}: CallStateChanged ${state}${callId === undefined ? '' : ` of ${callId}`}`,
      timeoutMs,
    );
    return event.call;
  }

  /** The next CallStateChanged of `notificationType` for the call. */
  async nextNotification(notificationType: string, callId: string): Promise<Call> {
    const event = await this.calls.next(
      (e) => e.notificationType === notificationType && e.call.id === callId,
      `${this.api.user.userName}: ${notificationType} of ${callId}`,
    );
    return event.call;
  }

  /** `activateChannels()` as given, then the DN logged in (NotReady), then `ready()` and the DN Ready. */
  async activateAndReady(...args: [agentId?: string, dn?: string, placeName?: string]): Promise<Dn> {
    await this.api.activateChannels(...args);
    await this.nextDn((dn) => dn.agentState === 'NotReady', 'NotReady after activate-channels');
    await this.api.voice.ready();
    return this.nextDn((dn) => dn.agentState === 'Ready', 'Ready');
  }
}

/** The `WORKSPACE_SESSIONID=...` cookie the library took from `initialize-workspace` (read, not changed). */
export function sessionCookieOf(api: WorkspaceApi): string {
  const cookie = (api as unknown as { _sessionCookie?: unknown })._sessionCookie;
  if (typeof cookie !== 'string') throw new Error('the library holds no WORKSPACE_SESSIONID cookie');
  return cookie.split(';', 1)[0]!;
}

/** The HTTP status of a request the library's superagent rejected. */
export function rejectionStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The body of a request the library's superagent rejected. */
export function rejectionBody(error: unknown): unknown {
  return (error as { response?: { body?: unknown } } | null)?.response?.body;
}
