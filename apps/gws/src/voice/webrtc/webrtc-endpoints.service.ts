import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DnMap, EndpointRegistration, SipCredentialStore } from '@gws/stores';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import { GWS_CONFIG, type GatewayConfig, type GwsConfig } from '../../config/gws-config';
import { DN_MAP, SIP_CREDENTIAL_STORE } from '../../stores/store.tokens';
import type { VoiceSession } from '../voice-session';
import { GatewayControl } from './gateway-control';
import { turnCredential } from './turn-credential';
import type { WebRtcSettings } from './webrtc-settings';

/**
 * GWS's half of the SIP gateway (docs/sip-gateway.md): which DNs are softphones behind it, the SIP credential a
 * session's browser registers with (issued here, checked by the gateway in Redis), the ICE servers it may use, and
 * the end of it all when the session ends.
 */
@Injectable()
export class WebRtcEndpoints {
  private readonly gateway: GatewayConfig | undefined;

  constructor(
    @Inject(GWS_CONFIG) config: GwsConfig,
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(SIP_CREDENTIAL_STORE) private readonly credentials: SipCredentialStore,
    private readonly control: GatewayControl,
  ) {
    this.gateway = config.gateway;
  }

  get configured(): boolean {
    return this.gateway !== undefined;
  }

  isWebRtcDn(dn: string): boolean {
    return this.gateway?.dnPattern.test(dn) ?? false;
  }

  /** The DN's softphone registration as the gateway last wrote it; undefined for a DN that is not a softphone. */
  async endpointOf(dn: string): Promise<EndpointRegistration | undefined> {
    if (!this.isWebRtcDn(dn)) return undefined;
    return (await this.dnMap.get(dn))?.registration ?? 'unknown';
  }

  /**
   * What the session's browser needs to register its softphone: the DN's SIP credential (issued, or the live one
   * kept, and alive for another credential lifetime from now) and TURN credentials minted for this user.
   * @throws GwsException 6 when there is no gateway or the session has no WebRTC DN
   */
  async settings(session: VoiceSession, now = Date.now()): Promise<WebRtcSettings> {
    const gateway = this.gateway;
    if (gateway === undefined) throw new GwsException(GwsStatus.NotFound, 'No WebRTC gateway is configured');
    const dn = [...session.devices.keys()].find((number) => this.isWebRtcDn(number));
    if (dn === undefined) {
      throw new GwsException(GwsStatus.NotFound, `Place ${session.placeName} has no DN behind the WebRTC gateway`);
    }
    const password = randomBytes(18).toString('base64url');
    const credential = await this.credentials.issue(dn, session.userId, password, gateway.credentialTtlMs);
    const turn = gateway.turn;
    const ice = turn === undefined ? undefined : turnCredential(turn.secret, session.userId, turn.ttlMs, now);
    return {
      dn,
      sip: {
        wsUri: gateway.wsUri,
        uri: `sip:${dn}@${gateway.sipDomain}`,
        authorizationUser: dn,
        password: credential.password,
        realm: gateway.sipDomain,
        expiresAt: new Date(credential.expiresAt).toISOString(),
      },
      iceServers: turn === undefined || ice === undefined ? [] : [{ urls: [...turn.uris], ...ice }],
      iceTransportPolicy: gateway.iceTransportPolicy,
    };
  }

  /** Drops the DN's registration at the gateway when its credential has lapsed; true when it did. */
  async dropIfLapsed(dn: string): Promise<boolean> {
    if (!this.isWebRtcDn(dn) || (await this.credentials.get(dn)) !== undefined) return false;
    await this.control.unregister(dn);
    return true;
  }

  /**
   * The session let go of the DN: its credential goes (the gateway refuses the next REGISTER) and the gateway drops
   * the registration now, so the logged-out browser stops ringing at once.
   */
  async release(dn: string, userId: string): Promise<void> {
    if (!this.isWebRtcDn(dn)) return;
    await this.credentials.revoke(dn, userId);
    await this.control.unregister(dn);
  }
}
