import type { G711Codec } from './media/g711';

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** Our side of the media: where we receive, and what we are willing to do. */
export interface LocalMedia {
  readonly address: string;
  readonly port: number;
  readonly sessionId: number;
  /** o= version: one more for each SDP sent in the dialog (RFC 3264 section 8). */
  readonly version: number;
  readonly direction: MediaDirection;
}

/** The far end's audio stream, as its offer or answer describes it. */
export interface RemoteMedia {
  readonly address: string;
  readonly port: number;
  readonly codec: G711Codec;
  readonly payloadType: number;
  readonly eventPayloadType: number | undefined;
  readonly direction: MediaDirection;
}

const EVENT_PAYLOAD_TYPE = 101;
const STATIC_CODECS: Readonly<Record<number, G711Codec>> = { 0: 'PCMU', 8: 'PCMA' };
const DIRECTIONS: readonly MediaDirection[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/** The offer of every INVITE the simulator sends: PCMA, PCMU and telephone-event, plain RTP/AVP. */
export function offerSdp(local: LocalMedia): string {
  return sdp(local, [
    [8, 'PCMA/8000'],
    [0, 'PCMU/8000'],
    [EVENT_PAYLOAD_TYPE, 'telephone-event/8000'],
  ]);
}

/** Our answer to `remote`'s offer: its codec, its event type if any, the mirror of its direction. */
export function answerSdp(local: LocalMedia, remote: RemoteMedia): string {
  const formats: [number, string][] = [[remote.payloadType, `${remote.codec}/8000`]];
  if (remote.eventPayloadType !== undefined) formats.push([remote.eventPayloadType, 'telephone-event/8000']);
  return sdp({ ...local, direction: mirror(remote.direction, local.direction) }, formats);
}

/** What `direction` on one side allows the other side to say back, limited to what `ours` allows. */
export function mirror(direction: MediaDirection, ours: MediaDirection = 'sendrecv'): MediaDirection {
  const theySend = direction === 'sendrecv' || direction === 'sendonly';
  const theyReceive = direction === 'sendrecv' || direction === 'recvonly';
  const weSend = theyReceive && (ours === 'sendrecv' || ours === 'sendonly');
  const weReceive = theySend && (ours === 'sendrecv' || ours === 'recvonly');
  if (weSend && weReceive) return 'sendrecv';
  if (weSend) return 'sendonly';
  return weReceive ? 'recvonly' : 'inactive';
}

/**
 * The first audio stream of `text` with a G.711 codec; undefined when there is none (no SDP, port 0, no PCMA or
 * PCMU). A connection address of 0.0.0.0 is the RFC 2543 way of holding: read as inactive.
 */
export function parseSdp(text: string | undefined): RemoteMedia | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const mediaAt = lines.findIndex((line) => line.startsWith('m=audio '));
  if (mediaAt < 0) return undefined;
  const nextMedia = lines.findIndex((line, at) => at > mediaAt && line.startsWith('m='));
  const session = lines.slice(0, mediaAt);
  const media = lines.slice(mediaAt, nextMedia < 0 ? undefined : nextMedia);
  const [, portText, , ...formats] = media[0]!.split(/\s+/);
  const port = Number(portText);
  const address = connection(media) ?? connection(session);
  if (!Number.isInteger(port) || port <= 0 || address === undefined) return undefined;
  const rtpmap = new Map<number, string>();
  for (const line of media) {
    const match = /^a=rtpmap:(\d+)\s+([^/\s]+)/i.exec(line);
    if (match !== null) rtpmap.set(Number(match[1]), match[2]!.toUpperCase());
  }
  const payloadTypes = formats.map(Number);
  const codecOf = (type: number): G711Codec | undefined => {
    const name = rtpmap.get(type) ?? STATIC_CODECS[type];
    return name === 'PCMA' || name === 'PCMU' ? name : undefined;
  };
  const payloadType = payloadTypes.find((type) => codecOf(type) !== undefined);
  if (payloadType === undefined) return undefined;
  const eventPayloadType = payloadTypes.find((type) => rtpmap.get(type) === 'TELEPHONE-EVENT');
  const direction = attributeDirection(media) ?? attributeDirection(session) ?? 'sendrecv';
  return {
    address,
    port,
    codec: codecOf(payloadType)!,
    payloadType,
    eventPayloadType,
    direction: address === '0.0.0.0' ? 'inactive' : direction,
  };
}

function sdp(local: LocalMedia, formats: readonly (readonly [number, string])[]): string {
  const lines = [
    'v=0',
    `o=tserver-sim ${local.sessionId} ${local.version} IN IP4 ${local.address}`,
    's=open-gws tserver-sim',
    `c=IN IP4 ${local.address}`,
    't=0 0',
    `m=audio ${local.port} RTP/AVP ${formats.map(([type]) => type).join(' ')}`,
    ...formats.map(([type, name]) => `a=rtpmap:${type} ${name}`),
    ...formats.filter(([, name]) => name.startsWith('telephone-event')).map(([type]) => `a=fmtp:${type} 0-15`),
    'a=ptime:20',
    `a=${local.direction}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function connection(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const match = /^c=IN\s+IP[46]\s+([^\s/]+)/.exec(line);
    if (match !== null) return match[1];
  }
  return undefined;
}

function attributeDirection(lines: readonly string[]): MediaDirection | undefined {
  return DIRECTIONS.find((direction) => lines.includes(`a=${direction}`));
}
