import type { TMessage } from '../messages/tmessage';
import { createTlibCodec } from '../tlib-codec';
import type { FrameDecoder } from '../wire/frame-decoder';
import type { DecodedFrame, WireCodecOptions } from '../wire/wire-codec';

/** A streaming decoder that records every frame it emits, for feeding chunks in tests. */
export interface RecordingDecoder {
  readonly decoder: FrameDecoder<TMessage>;
  readonly frames: DecodedFrame<TMessage>[];
}

export function recordingDecoder(options?: WireCodecOptions): RecordingDecoder {
  const frames: DecodedFrame<TMessage>[] = [];
  const decoder = createTlibCodec(options).createDecoder({
    onMessage: (message) => frames.push({ kind: 'message', message }),
    onAddpPoll: (token) => frames.push({ kind: 'addp-poll', token }),
    onAddpReply: (token) => frames.push({ kind: 'addp-reply', token }),
  });
  return { decoder, frames };
}

/** Feeds `bytes` to a new recording decoder, cut at the given offsets. */
export function decodeInChunks(bytes: Uint8Array, cuts: readonly number[]): DecodedFrame<TMessage>[] {
  const { decoder, frames } = recordingDecoder();
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    decoder.push(bytes.subarray(from, cut));
    from = cut;
  }
  expectNothingBuffered(decoder);
  return frames;
}

function expectNothingBuffered(decoder: FrameDecoder<TMessage>): void {
  if (decoder.buffered !== 0) throw new Error(`${decoder.buffered} bytes left in the decoder`);
}
