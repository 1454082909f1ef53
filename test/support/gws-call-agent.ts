import type { Message } from 'cometd';
import type { GwsCall } from '../../apps/gws/src/notifications';
import { CometdTestClient } from './cometd-test-client';
import { GwsRestAgent } from './gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './gws-test-platform';

export interface CallMessage {
  readonly notificationType: string;
  readonly call: GwsCall;
  readonly phoneNumber: string;
}

/**
 * An agent seated at its place (REST + its own CometD browser), with helpers to wait for call notifications and to
 * act on calls. Every wait is bounded.
 */
export class CallAgent {
  private constructor(
    readonly rest: GwsRestAgent,
    readonly browser: CometdTestClient,
    readonly deviceId: string,
    readonly dn: string,
  ) {}

  /** Logs in, opens CometD, starts the contact-center session and (unless told not to) goes Ready. */
  static async seat(
    platform: GwsTestPlatform,
    userName: string,
    options: { ready?: boolean } = {},
  ): Promise<CallAgent> {
    const rest = new GwsRestAgent(platform.baseUrl, userName);
    await rest.login();
    const browser = new CometdTestClient({
      port: platform.port,
      cookies: { JSESSIONID: rest.sessionId! },
      timeoutMs: 5000,
    });
    await browser.handshake();
    await browser.connected();
    await rest.startContactCenterSession();
    const state = (m: Message): string | undefined => deviceOf(m)?.userState.state;
    // Logged in: NotReady after a fresh login, or whatever T-Server still holds (e.g. Ready after a GWS restart).
    const seated = await browser.nextMessage('/v2/me/devices', (m) => ['NotReady', 'Ready'].includes(state(m) ?? ''));
    const device = deviceOf(seated)!;
    if ((options.ready ?? true) && device.userState.state !== 'Ready') {
      await rest.ready();
      await browser.nextMessage('/v2/me/devices', (m) => state(m) === 'Ready');
    }
    return new CallAgent(rest, browser, device.id, device.phoneNumber);
  }

  /** The next CallStateChangeMessage (not yet returned) matching `predicate`. */
  async next(predicate: (message: CallMessage) => boolean = () => true, timeoutMs = 5000): Promise<CallMessage> {
    const message = await this.browser.nextMessage(
      '/v2/me/calls',
      (m) =>
        (m.data as { messageType?: string }).messageType === 'CallStateChangeMessage' &&
        predicate(m.data as CallMessage),
      timeoutMs,
    );
    return message.data as CallMessage;
  }

  /** The next call message whose call is in `state` (and of `callId`, when given). */
  nextState(state: string, callId?: string): Promise<CallMessage> {
    return this.next((m) => m.call.state === state && (callId === undefined || m.call.id === callId));
  }

  /** The next ErrorMessage on `/v2/me/calls`. */
  async nextError(): Promise<Record<string, unknown>> {
    const message = await this.browser.nextMessage(
      '/v2/me/calls',
      (m) => (m.data as { messageType?: string }).messageType === 'ErrorMessage',
    );
    return message.data as Record<string, unknown>;
  }

  /** Every call notification received so far, as `state:callId-suffix` labels, for order checks. */
  callLog(): CallMessage[] {
    return this.browser
      .messages('/v2/me/calls')
      .map((m) => m.data as CallMessage & { messageType?: string })
      .filter((data) => data.messageType === 'CallStateChangeMessage');
  }

  act(callId: string, body: Record<string, unknown>) {
    return this.rest.post(`/api/v2/me/calls/${callId}`, body);
  }

  dial(phoneNumber: string, extra: Record<string, unknown> = {}) {
    return this.rest.post(`/api/v2/me/devices/${this.deviceId}/calls`, {
      operationName: 'Dial',
      destination: { phoneNumber },
      ...extra,
    });
  }

  async calls(): Promise<GwsCall[]> {
    const answer = await this.rest.get('/api/v2/me/calls?fields=*');
    return (answer.body as unknown as { calls: GwsCall[] }).calls;
  }

  async leave(): Promise<void> {
    await this.rest.post('/api/v2/me', { operationName: 'EndContactCenterSession' }).catch(() => undefined);
    await this.browser.disconnect().catch(() => undefined);
  }
}

function deviceOf(message: Message): { id: string; phoneNumber: string; userState: { state: string } } | undefined {
  return (message.data as { devices?: { id: string; phoneNumber: string; userState: { state: string } }[] })
    .devices?.[0];
}

/**
 * A platform for the whole suite (or, with `perTest`, a fresh one for each test) and agents seated on demand; the
 * agents leave and the platform is closed after the suite (after each test).
 * Use at the top of a `describe`: `const fixture = useCallPlatform();` then `fixture.seat('agent1')`.
 */
export function useCallPlatform(options: { perTest?: boolean } = {}): {
  readonly platform: GwsTestPlatform;
  seat(userName: string, ready?: boolean): Promise<CallAgent>;
} {
  let platform: GwsTestPlatform | undefined;
  const seated: CallAgent[] = [];
  const [before, after] = options.perTest === true ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    platform = await startGwsTestPlatform();
  });
  after(async () => {
    await Promise.all(seated.splice(0).map((agent) => agent.leave()));
    await platform?.close();
    platform = undefined;
  });
  return {
    get platform(): GwsTestPlatform {
      if (platform === undefined) throw new Error('the platform starts before the suite (or each test)');
      return platform;
    },
    async seat(userName: string, ready = true): Promise<CallAgent> {
      const agent = await CallAgent.seat(this.platform, userName, { ready });
      seated.push(agent);
      return agent;
    },
  };
}
