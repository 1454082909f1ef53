import { createTlibCodec } from '@gws/tlib';
import { frameToJson } from '../json-form';

/** Decodes a byte stream of whole frames to one JSON line per frame. @throws TlibProtocolError */
export function decodeCommand(bytes: Uint8Array): string {
  return createTlibCodec()
    .decodeAll(bytes)
    .map((frame) => `${JSON.stringify(frameToJson(frame))}\n`)
    .join('');
}
