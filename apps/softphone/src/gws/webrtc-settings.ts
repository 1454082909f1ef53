/** `GET /api/v2/me/webrtc` (an open-gws extension; the gateway contract of issue 13): how this session's DN registers. */
export interface WebrtcSettings {
  readonly dn: string;
  readonly sip: {
    readonly wsUri: string;
    readonly uri: string;
    readonly authorizationUser: string;
    readonly password: string;
    readonly realm: string;
    /** When GWS stops accepting `password` (ISO 8601): the page fetches a new one before. */
    readonly expiresAt: string;
  };
  readonly iceServers: readonly RTCIceServer[];
  readonly iceTransportPolicy: RTCIceTransportPolicy;
}

/** Reads the answer's `webrtc` object, refusing a shape the page could not register with. */
export function parseWebrtcSettings(body: Readonly<Record<string, unknown>>): WebrtcSettings {
  const webrtc = object(body['webrtc'], 'webrtc');
  const sip = object(webrtc['sip'], 'webrtc.sip');
  const iceServers = webrtc['iceServers'] ?? [];
  if (!Array.isArray(iceServers)) throw new TypeError('webrtc.iceServers is not a list');
  const policy = webrtc['iceTransportPolicy'] ?? 'all';
  if (policy !== 'all' && policy !== 'relay')
    throw new TypeError(`webrtc.iceTransportPolicy ${JSON.stringify(policy)}`);
  const expiresAt = text(sip, 'expiresAt');
  if (Number.isNaN(Date.parse(expiresAt))) throw new TypeError(`webrtc.sip.expiresAt '${expiresAt}' is not a date`);
  return {
    dn: text(webrtc, 'dn'),
    sip: {
      wsUri: text(sip, 'wsUri'),
      uri: text(sip, 'uri'),
      authorizationUser: text(sip, 'authorizationUser'),
      password: text(sip, 'password'),
      realm: text(sip, 'realm'),
      expiresAt,
    },
    iceServers: iceServers.map((server, index) => iceServer(server, index)),
    iceTransportPolicy: policy,
  };
}

function iceServer(value: unknown, index: number): RTCIceServer {
  const server = object(value, `webrtc.iceServers[${index}]`);
  const urls = server['urls'];
  if (typeof urls !== 'string' && !(Array.isArray(urls) && urls.every((url) => typeof url === 'string'))) {
    throw new TypeError(`webrtc.iceServers[${index}].urls is not a URL list`);
  }
  return {
    urls,
    ...(typeof server['username'] === 'string' ? { username: server['username'] } : {}),
    ...(typeof server['credential'] === 'string' ? { credential: server['credential'] } : {}),
  };
}

function object(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${name} is missing`);
  return value as Readonly<Record<string, unknown>>;
}

function text(from: Readonly<Record<string, unknown>>, key: string): string {
  const value = from[key];
  if (typeof value !== 'string' || value === '') throw new TypeError(`${key} is missing`);
  return value;
}
