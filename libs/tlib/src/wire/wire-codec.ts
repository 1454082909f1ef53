import { FrameTooLargeError } from '../errors/frame-too-large.error';
import { InvalidValueError } from '../errors/invalid-value.error';
import { TlibProtocolError } from '../errors/protocol.error';
import type { WireMessage } from '../messages/wire-message';
import type { ProtocolDefinition } from '../protocol/protocol-definition';
import { BufferWriter } from './buffer-writer';
import { FrameDecoder, type FrameHandlers } from './frame-decoder';
import { writeMessagePayload } from './message-codec';
import {
  ADDP_PAYLOAD_BYTES,
  DEFAULT_MAX_FRAME_BYTES,
  FRAME_HEADER_BYTES,
  FrameKind,
  MAX_FRAME_BYTES_LIMIT,
  PROTOCOL_TAGS,
} from './wire-profile';

export interface WireCodecOptions {
  /** Largest frame, header included, accepted or produced. @default 1 MiB */
  readonly maxFrameBytes?: number;
  /**
   * Decoded `kvlist` values (user data, extensions, reasons) build their pairs on first use rather than at decode
   * time. Either way every protocol check runs at decode time and the pairs are the same. @default true
   */
  readonly deferKVLists?: boolean;
}

/** Encodes and decodes frames of one protocol in the `open-gws/1` wire profile. */
export class WireCodec<M extends WireMessage = WireMessage> {
  readonly maxFrameBytes: number;
  readonly tag: number;
  readonly deferKVLists: boolean;
  private readonly writer = new BufferWriter();

  constructor(
    readonly protocol: ProtocolDefinition,
    options: WireCodecOptions = {},
  ) {
    const tag = PROTOCOL_TAGS[protocol.key];
    if (tag === undefined) throw new InvalidValueError('protocol', protocol.key, 'has no tag in the wire profile');
    this.tag = tag;
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.deferKVLists = options.deferKVLists ?? true;
    if (
      !Number.isInteger(this.maxFrameBytes) ||
      this.maxFrameBytes < FRAME_HEADER_BYTES + ADDP_PAYLOAD_BYTES ||
      this.maxFrameBytes > MAX_FRAME_BYTES_LIMIT
    ) {
      throw new InvalidValueError('maxFrameBytes', this.maxFrameBytes, `expected 11 to ${MAX_FRAME_BYTES_LIMIT}`);
    }
  }

  /** One whole frame for `message`. @throws InvalidValueError, UnknownMessageError, FrameTooLargeError */
  encode(message: M): Buffer {
    const writer = this.writer;
    try {
      const lengthAt = this.header(FrameKind.Message);
      writeMessagePayload(writer, this.protocol, message);
      writer.patchU32(lengthAt, writer.length - FRAME_HEADER_BYTES);
    } catch (error) {
      writer.reset();
      throw error;
    }
    if (writer.length > this.maxFrameBytes) {
      const bytes = writer.length;
      writer.reset();
      throw new FrameTooLargeError(bytes, this.maxFrameBytes);
    }
    return writer.finish();
  }

  encodeAddpPoll(token: number): Buffer {
    return this.addp(FrameKind.AddpPoll, token);
  }

  encodeAddpReply(token: number): Buffer {
    return this.addp(FrameKind.AddpReply, token);
  }

  /** A streaming decoder for one connection. */
  createDecoder(handlers: FrameHandlers<M>): FrameDecoder<M> {
    const { protocol, tag, maxFrameBytes, deferKVLists } = this;
    return new FrameDecoder<M>({ protocol, tag, maxFrameBytes, deferKVLists }, handlers);
  }

  /** Decodes bytes holding whole frames only (for tools and tests). @throws TlibProtocolError */
  decodeAll(bytes: Uint8Array): DecodedFrame<M>[] {
    const frames: DecodedFrame<M>[] = [];
    const decoder = this.createDecoder({
      onMessage: (message) => frames.push({ kind: 'message', message }),
      onAddpPoll: (token) => frames.push({ kind: 'addp-poll', token }),
      onAddpReply: (token) => frames.push({ kind: 'addp-reply', token }),
    });
    decoder.push(bytes);
    if (decoder.buffered > 0) {
      throw new TlibProtocolError('TRUNCATED', `the input ends inside a frame (${decoder.buffered} bytes left over)`);
    }
    return frames;
  }

  /** Writes tag and kind; returns the offset of the payload length, patched once the payload is written. */
  private header(kind: FrameKind): number {
    this.writer.u16(this.tag);
    this.writer.u8(kind);
    return this.writer.reserve(4);
  }

  private addp(kind: FrameKind, token: number): Buffer {
    if (!Number.isInteger(token) || token < 0 || token > 0xffffffff) {
      throw new InvalidValueError('ADDP token', token, 'expected an unsigned 32-bit integer');
    }
    const lengthAt = this.header(kind);
    this.writer.u32(token);
    this.writer.patchU32(lengthAt, ADDP_PAYLOAD_BYTES);
    return this.writer.finish();
  }
}

export type DecodedFrame<M extends WireMessage = WireMessage> =
  | { readonly kind: 'message'; readonly message: M }
  | { readonly kind: 'addp-poll'; readonly token: number }
  | { readonly kind: 'addp-reply'; readonly token: number };
