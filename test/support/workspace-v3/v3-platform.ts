import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EmbeddedPlatform } from '../../../apps/gws/src/embedded/embedded-platform';
import { startGwsTestPlatform, type GwsTestPlatform } from '../gws-test-platform';
import { eventually } from './eventually';

/** The OAuth client the v3 tests configure (WORKSPACE_CLIENT_ID / WORKSPACE_CLIENT_SECRET). */
export const TEST_CLIENT = { id: 'v3-tests', secret: 'v3-tests-secret' } as const;

/** What the token endpoint answers, parsed. */
export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

/**
 * The embedded default (both simulators on the demo contact center, the T-Server simulator's HTTP control API on
 * a free port) and a GWS node on loopback, with the v3 client settings in the environment the v3 module reads
 * (Jest gives each test file its own copy of process.env).
 */
export class V3Platform {
  private constructor(
    private readonly platform: GwsTestPlatform,
    readonly controlUrl: string,
  ) {}

  get app(): NestExpressApplication {
    return this.platform.app;
  }

  get simulators(): EmbeddedPlatform {
    return this.platform.simulators;
  }

  get baseUrl(): string {
    return this.platform.baseUrl;
  }

  static async start(env: Record<string, string> = {}): Promise<V3Platform> {
    Object.assign(process.env, {
      WORKSPACE_CLIENT_ID: TEST_CLIENT.id,
      WORKSPACE_CLIENT_SECRET: TEST_CLIENT.secret,
      ...env,
    });
    const platform = await startGwsTestPlatform({ env, tserverControlPort: 0 });
    return new V3Platform(platform, `http://127.0.0.1:${platform.simulators.tserver.controlPort!}`);
  }

  /** `POST /auth/v3/oauth/token` as Genesys' console app sends it: form-encoded, the client in HTTP Basic. */
  async requestToken(
    userName: string,
    password = 'password',
    client: { id: string; secret: string } = TEST_CLIENT,
  ): Promise<TokenAnswer> {
    const response = await fetch(`${this.baseUrl}/auth/v3/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'password',
        username: userName,
        password,
        scope: '*',
        client_id: client.id,
      }),
      signal: AbortSignal.timeout(5000),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  /** A token for the user, which must be granted. */
  async token(userName: string): Promise<string> {
    const answer = await this.requestToken(userName);
    if (answer.status !== 200) throw new Error(`no token for ${userName}: ${JSON.stringify(answer.body)}`);
    return answer.body['access_token'] as string;
  }

  /** A v3 session of the user opened by hand (`initialize-workspace`): its WORKSPACE_SESSIONID. */
  async workspaceSession(userName: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/workspace/v3/initialize-workspace`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await this.token(userName)}`, 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(5000),
    });
    const cookie = /WORKSPACE_SESSIONID=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
    if (response.status !== 200 || cookie === null)
      throw new Error(`no v3 session for ${userName}: ${response.status}`);
    return cookie[1]!;
  }

  /** Resolves once a v3 session cookie (`WORKSPACE_SESSIONID=...`) is refused: the session has ended. */
  async sessionEnded(cookie: string): Promise<void> {
    const status = (): Promise<number> =>
      fetch(`${this.baseUrl}/workspace/v3/current-session`, {
        headers: { Cookie: cookie },
        signal: AbortSignal.timeout(5000),
      }).then((response) => response.status);
    await eventually(status, (code) => code === 401, 'the v3 session to end');
  }

  /** An inbound call from outside, through the simulator's control API (`POST /calls`). */
  async injectCall(call: {
    ani: string;
    destination: string;
    dnis?: string;
    userData?: Record<string, string | number>;
  }): Promise<{ connId: string; callUuid: string }> {
    const response = await fetch(`${this.controlUrl}/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(call),
      signal: AbortSignal.timeout(5000),
    });
    if (response.status !== 201) throw new Error(`call not injected: ${response.status} ${await response.text()}`);
    return (await response.json()) as { connId: string; callUuid: string };
  }

  /** The agent logged in on `dn`, as the T-Server simulator's control API sees it (`GET /snapshot`). */
  async agentOn(dn: string): Promise<string | null> {
    const response = await fetch(`${this.controlUrl}/snapshot`, { signal: AbortSignal.timeout(5000) });
    const snapshot = (await response.json()) as { dns: { number: string; agentId: string | null }[] };
    return snapshot.dns.find((entry) => entry.number === dn)?.agentId ?? null;
  }

  async close(): Promise<void> {
    await this.platform.close();
  }
}
