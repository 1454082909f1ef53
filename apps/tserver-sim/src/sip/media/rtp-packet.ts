/** RTP (RFC 3550) fixed header plus payload; no CSRC list or extension is ever sent. */
export interface RtpPacket {
  readonly payloadType: number;
  readonly marker: boolean;
  readonly sequence: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly payload: Buffer;
}

const HEADER_BYTES = 12;

export function encodeRtp(packet: RtpPacket): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header[0] = 0x80;
  header[1] = (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f);
  header.writeUInt16BE(packet.sequence & 0xffff, 2);
  header.writeUInt32BE(packet.timestamp >>> 0, 4);
  header.writeUInt32BE(packet.ssrc >>> 0, 8);
  return Buffer.concat([header, packet.payload]);
}

/** The packet in `data`, or undefined when it is not RTP version 2 (RTCP on a muxed port is left out too). */
export function decodeRtp(data: Buffer): RtpPacket | undefined {
  if (data.length < HEADER_BYTES || data[0]! >> 6 !== 2) return undefined;
  const payloadType = data[1]! & 0x7f;
  if (payloadType >= 72 && payloadType <= 76) return undefined;
  let offset = HEADER_BYTES + (data[0]! & 0x0f) * 4;
  if (data[0]! & 0x10) {
    if (data.length < offset + 4) return undefined;
    offset += 4 + data.readUInt16BE(offset + 2) * 4;
  }
  const padding = data[0]! & 0x20 ? data[data.length - 1]! : 0;
  if (offset > data.length - padding) return undefined;
  return {
    payloadType,
    marker: (data[1]! & 0x80) !== 0,
    sequence: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    payload: data.subarray(offset, data.length - padding),
  };
}
