import type { WebrtcSettings } from '../gws/webrtc-settings';

/**
 * The RTCPeerConnection settings of every call: always GWS's `iceServers`, even an empty list, so that nothing
 * reaches for a public STUN server; `iceTransportPolicy` from GWS unless the page's URL says
 * `?iceTransportPolicy=relay` (or `all`), for operators testing TURN.
 */
export function peerConnectionConfig(settings: WebrtcSettings, pageUrl: URL): RTCConfiguration {
  const override = pageUrl.searchParams.get('iceTransportPolicy');
  const policy = override === 'relay' || override === 'all' ? override : settings.iceTransportPolicy;
  return {
    iceServers: settings.iceServers.map((server) => ({ ...server })),
    iceTransportPolicy: policy,
    // One audio m-line and no BUNDLE group in the gateway's offers (rtpengine does not add one): Chromium refuses
    // such an offer under 'max-bundle', so the default ('balanced') stays.
    rtcpMuxPolicy: 'require',
  };
}
