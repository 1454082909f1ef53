import type { GwsClient } from '../../../softphone/src/gws/gws-client';
import { notReadyReasons, type NotReadyReason } from '../model/agent-states';
import { parseCall, type Call, type UserData } from '../model/call';
import { parseDevice, type Device } from '../model/device';
import { asArray, asObject, asString } from '../model/json';

/** Everything the desktop shows, read at once (`GET /api/v2/me?subresources=*`). */
export interface DesktopSnapshot {
  readonly userName: string;
  readonly displayName: string;
  readonly devices: readonly Device[];
  readonly calls: readonly Call[];
  readonly reasons: readonly NotReadyReason[];
}

type Body = Readonly<Record<string, unknown>>;

/**
 * The GWS API v2 resources the desktop uses (docs/api.md), on the softphone's {@link GwsClient} (Basic once, then
 * the session cookie and the CSRF token). Every operation's answer only means "accepted": the outcome arrives on
 * CometD.
 */
export class DesktopApi {
  constructor(readonly client: GwsClient) {}

  /** The user, devices, channels, settings (agent states) and calls in one read. */
  async snapshot(): Promise<DesktopSnapshot> {
    const body = await this.client.get('/api/v2/me?subresources=*');
    const receivedAt = Date.now();
    const user = asObject(body['user']);
    const userName = asString(user['userName']);
    const names = [user['firstName'], user['lastName']].filter((part): part is string => typeof part === 'string');
    return {
      userName,
      displayName: names.join(' ') || userName,
      devices: asArray(user['devices']).flatMap((value) => parseDevice(value) ?? []),
      calls: asArray(user['calls']).flatMap((value) => parseCall(value, receivedAt) ?? []),
      reasons: notReadyReasons(asObject(user['settings'])['agent-states']),
    };
  }

  /** `GET /api/v2/me/calls?fields=*`: the calls alone, as after a CometD reconnect. */
  async calls(): Promise<Call[]> {
    const body = await this.client.get('/api/v2/me/calls?fields=*');
    const receivedAt = Date.now();
    return asArray(body['calls']).flatMap((value) => parseCall(value, receivedAt) ?? []);
  }

  /** StartContactCenterSession on the voice channel, at `place` or the agent's default place. */
  async startSession(place: string | undefined): Promise<void> {
    await this.me({ operationName: 'StartContactCenterSession', channels: ['voice'], ...(place ? { place } : {}) });
  }

  /** EndContactCenterSession: the agent is logged out and the HTTP session ends (GWS's logout). */
  async endSession(): Promise<void> {
    await this.me({ operationName: 'EndContactCenterSession' });
    this.client.forgetSession();
  }

  /** Ready, NotReady (`reasonCode`), AfterCallWork on the voice channel. */
  async agentState(operationName: 'Ready' | 'NotReady' | 'AfterCallWork', reasonCode?: string): Promise<void> {
    await this.client.post('/api/v2/me/channels/voice', {
      operationName,
      ...(reasonCode === undefined ? {} : { reasonCode }),
    });
  }

  /** DoNotDisturbOn/Off, ForwardCallsOn (`destination`), ForwardCallsOff. */
  async deviceOperation(deviceId: string, operationName: string, destination?: string): Promise<void> {
    await this.client.post(`/api/v2/me/devices/${encodeURIComponent(deviceId)}`, {
      operationName,
      ...(destination === undefined ? {} : { destination }),
    });
  }

  async dial(deviceId: string, phoneNumber: string): Promise<void> {
    await this.client.post(`/api/v2/me/devices/${encodeURIComponent(deviceId)}/calls`, {
      operationName: 'Dial',
      destination: { phoneNumber },
    });
  }

  /** Any operation on a call: `POST /api/v2/me/calls/{id}` with its parameters. */
  async callOperation(callId: string, operationName: string, parameters: Body = {}): Promise<void> {
    await this.client.post(`/api/v2/me/calls/${encodeURIComponent(callId)}`, { operationName, ...parameters });
  }

  updateUserData(callId: string, userData: UserData): Promise<void> {
    return this.callOperation(callId, 'UpdateUserData', { userData });
  }

  deleteUserDataPair(callId: string, key: string): Promise<void> {
    return this.callOperation(callId, 'DeleteUserDataPair', { key });
  }

  private async me(body: Body): Promise<void> {
    await this.client.post('/api/v2/me', body);
  }
}
