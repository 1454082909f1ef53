import type { GwsClient } from './gws-client';
import { parseWebrtcSettings, type WebrtcSettings } from './webrtc-settings';

/** Who is logged in, and the contact-center session if one is running. */
export interface AgentView {
  readonly userName: string;
  readonly displayName: string;
  /** The DN of the agent's session; undefined while there is no session. */
  readonly dn: string | undefined;
}

interface CallSummary {
  readonly id: string;
  readonly state: string;
}

/** The few GWS v2 resources the softphone uses (docs/api.md), on top of a logged-in {@link GwsClient}. */
export class AgentApi {
  constructor(readonly client: GwsClient) {}

  /** `GET /api/v2/me?subresources=devices`: the user and, when a session runs, its device's DN. */
  async me(): Promise<AgentView> {
    return agentView(await this.client.get('/api/v2/me?subresources=devices'));
  }

  /** StartContactCenterSession on the voice channel, at `place` or the agent's default place. */
  async startSession(place: string | undefined): Promise<void> {
    await this.client.post('/api/v2/me', {
      operationName: 'StartContactCenterSession',
      channels: ['voice'],
      ...(place === undefined ? {} : { place }),
    });
  }

  /** EndContactCenterSession: logs the agent out and ends the HTTP session too (GWS's logout). */
  async endSession(): Promise<void> {
    await this.client.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    this.client.forgetSession();
  }

  /** `GET /api/v2/me/webrtc`: 404 (GwsError.notFound) before the session or where no gateway is configured. */
  async webrtc(): Promise<WebrtcSettings> {
    return parseWebrtcSettings(await this.client.get('/api/v2/me/webrtc'));
  }

  /**
   * Answers the agent's ringing call through GWS (T-Server's Answer, which the SIP Server turns into a NOTIFY
   * `Event: talk` to this page): the page never answers a call on its own. False when nothing rings.
   */
  async answerRingingCall(): Promise<boolean> {
    const body = await this.client.get('/api/v2/me/calls?fields=id,state');
    const calls = Array.isArray(body['calls']) ? (body['calls'] as readonly CallSummary[]) : [];
    const ringing = calls.find((call) => call.state === 'Ringing');
    if (ringing === undefined) return false;
    await this.client.post(`/api/v2/me/calls/${encodeURIComponent(ringing.id)}`, { operationName: 'Answer' });
    return true;
  }
}

function agentView(body: Readonly<Record<string, unknown>>): AgentView {
  const user = (body['user'] ?? {}) as Readonly<Record<string, unknown>>;
  const userName = typeof user['userName'] === 'string' ? user['userName'] : '';
  const names = [user['firstName'], user['lastName']].filter((part): part is string => typeof part === 'string');
  const devices = Array.isArray(user['devices']) ? (user['devices'] as readonly { phoneNumber?: unknown }[]) : [];
  const dn = devices.map((device) => device.phoneNumber).find((number): number is string => typeof number === 'string');
  return { userName, displayName: names.join(' ') || userName, dn };
}
