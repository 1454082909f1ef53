/** One ICE server as `RTCPeerConnection` takes it. */
export interface IceServer {
  readonly urls: readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

/** `GET /api/v2/me/webrtc` (an open-gws extension): what a browser needs to register the session's softphone. */
export interface WebRtcSettings {
  readonly dn: string;
  readonly sip: {
    /** The gateway's SIP WebSocket. */
    readonly wsUri: string;
    /** The address of record the softphone registers: `sip:<dn>@<domain>`. */
    readonly uri: string;
    readonly authorizationUser: string;
    readonly password: string;
    readonly realm: string;
    /** ISO 8601: fetch the settings again before then to keep the credential alive. */
    readonly expiresAt: string;
  };
  readonly iceServers: readonly IceServer[];
  readonly iceTransportPolicy: 'all' | 'relay';
}
