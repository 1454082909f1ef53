import { FrameTooLargeError } from '../errors/frame-too-large.error';
import { TlibProtocolError } from '../errors/protocol.error';
import type { WireMessage } from '../messages/wire-message';
import type { ProtocolDefinition } from '../protocol/protocol-definition';
import { detachKVLists } from './deferred-kvlist';
import { readMessagePayload } from './message-codec';
import { ADDP_PAYLOAD_BYTES, FRAME_HEADER_BYTES, FrameKind } from './wire-profile';

export interface FrameHandlers<M extends WireMessage> {
  onMessage(message: M): void;
  onAddpPoll?(token: number): void;
  onAddpReply?(token: number): void;
}

export interface FrameDecoderOptions {
  readonly protocol: ProtocolDefinition;
  readonly tag: number;
  readonly maxFrameBytes: number;
  /** Build `kvlist` values on first use, after checking them in full at decode time. @default false */
  readonly deferKVLists?: boolean;
}

const EMPTY = Buffer.alloc(0);

// Module-local copies: loaders such as tsx compile imported bindings to getter calls, which showed up in profiles.
const HEADER_BYTES = FRAME_HEADER_BYTES;
const ADDP_FRAME_BYTES = FRAME_HEADER_BYTES + ADDP_PAYLOAD_BYTES;
const KIND_MESSAGE = FrameKind.Message;
const KIND_ADDP_POLL = FrameKind.AddpPoll;
const KIND_ADDP_REPLY = FrameKind.AddpReply;
const readPayload = readMessagePayload;
const detach = detachKVLists;

/**
 * Streaming frame decoder: accepts chunks split or coalesced anywhere and calls the handlers once per whole frame.
 * It never buffers more than one maximum-size frame. After a protocol error it stays failed: the link is closed.
 */
export class FrameDecoder<M extends WireMessage = WireMessage> {
  /** Bytes of an incomplete frame carried over between chunks: `pending[0, pendingLength)`. */
  private pending: Buffer = EMPTY;
  private pendingLength = 0;
  private failure: TlibProtocolError | undefined;
  private frameLimit: number;
  private readonly deferKVLists: boolean;

  constructor(
    private readonly options: FrameDecoderOptions,
    private readonly handlers: FrameHandlers<M>,
  ) {
    this.frameLimit = options.maxFrameBytes;
    this.deferKVLists = options.deferKVLists ?? false;
  }

  /** Largest frame, header included, accepted now: the options' `maxFrameBytes` until `setMaxFrameBytes`. */
  get maxFrameBytes(): number {
    return this.frameLimit;
  }

  /**
   * Changes the largest frame accepted. It applies to every frame header read from now on, that of a frame partly
   * received included. The caller bounds it (FramedConnection: one ADDP frame to the codec's `maxFrameBytes`).
   */
  setMaxFrameBytes(bytes: number): void {
    this.frameLimit = bytes;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get buffered(): number {
    return this.pendingLength;
  }

  /** @throws TlibProtocolError on bytes that cannot be a frame of this protocol (and on every later call). */
  push(chunk: Uint8Array): void {
    if (this.failure) throw this.failure;
    try {
      this.consume(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } catch (error) {
      if (error instanceof TlibProtocolError) {
        this.failure = error;
        this.pending = EMPTY;
        this.pendingLength = 0;
      }
      throw error;
    }
  }

  private consume(chunk: Buffer): void {
    let buffer: Buffer;
    let end: number;
    if (this.pendingLength === 0) {
      buffer = chunk;
      end = chunk.length;
    } else {
      buffer = this.append(chunk);
      end = this.pendingLength;
    }
    let offset = 0;
    while (end - offset >= HEADER_BYTES) {
      const frameBytes = this.checkHeader(buffer, offset);
      if (end - offset < frameBytes) break;
      this.dispatch(buffer, offset, frameBytes);
      offset += frameBytes;
    }
    this.keep(buffer, offset, end);
  }

  /** Validates the header at `offset` and returns the whole frame's length. Bytes are read inline, not through
   * `readUInt16BE` / `readUInt32BE`, whose argument checks showed in the decoder's profile. */
  private checkHeader(buffer: Buffer, offset: number): number {
    const tag = (buffer[offset]! << 8) | buffer[offset + 1]!;
    if (tag !== this.options.tag) {
      throw new TlibProtocolError(
        'BAD_TAG',
        `frame tag 0x${tag.toString(16).padStart(4, '0')} is not ${this.options.protocol.name} ` +
          `(0x${this.options.tag.toString(16)})`,
      );
    }
    const kind = buffer[offset + 2]!;
    if (kind !== KIND_MESSAGE && kind !== KIND_ADDP_POLL && kind !== KIND_ADDP_REPLY) {
      throw new TlibProtocolError('BAD_FRAME_KIND', `unknown frame kind ${kind}`);
    }
    const frameBytes =
      HEADER_BYTES +
      buffer[offset + 3]! * 0x1000000 +
      ((buffer[offset + 4]! << 16) | (buffer[offset + 5]! << 8) | buffer[offset + 6]!);
    if (frameBytes > this.frameLimit) throw new FrameTooLargeError(frameBytes, this.frameLimit);
    if (kind !== KIND_MESSAGE && frameBytes !== ADDP_FRAME_BYTES) {
      throw new TlibProtocolError('BAD_LENGTH', `ADDP frame of ${frameBytes} bytes`);
    }
    return frameBytes;
  }

  private dispatch(buffer: Buffer, offset: number, frameBytes: number): void {
    const payloadStart = offset + HEADER_BYTES;
    switch (buffer[offset + 2]) {
      case KIND_MESSAGE:
        if (!this.deferKVLists) {
          this.handlers.onMessage(readPayload(this.options.protocol, buffer, payloadStart, offset + frameBytes) as M);
          return;
        }
        // Deferred lists read `buffer` in place while the handler runs; once it returns, they get their own copy.
        try {
          this.handlers.onMessage(
            readPayload(this.options.protocol, buffer, payloadStart, offset + frameBytes, true) as M,
          );
        } finally {
          detach();
        }
        return;
      case KIND_ADDP_POLL:
        this.handlers.onAddpPoll?.(buffer.readUInt32BE(payloadStart));
        return;
      default:
        this.handlers.onAddpReply?.(buffer.readUInt32BE(payloadStart));
    }
  }

  private append(chunk: Buffer): Buffer {
    const needed = this.pendingLength + chunk.length;
    if (needed > this.pending.length) {
      // Grow to what the frame in progress needs, bounded by the maximum frame size plus one chunk.
      const grown = Buffer.allocUnsafe(Math.max(needed, Math.min(this.pending.length * 2, this.frameLimit)));
      this.pending.copy(grown, 0, 0, this.pendingLength);
      this.pending = grown;
    }
    chunk.copy(this.pending, this.pendingLength);
    this.pendingLength = needed;
    return this.pending;
  }

  /** Carries `buffer[offset, end)` over to the next chunk. */
  private keep(buffer: Buffer, offset: number, end: number): void {
    const left = end - offset;
    if (left === 0) {
      this.pendingLength = 0;
      return;
    }
    if (buffer === this.pending) {
      if (offset > 0) buffer.copy(buffer, 0, offset, end);
    } else {
      if (this.pending.length < left) this.pending = Buffer.allocUnsafe(Math.max(left, 256));
      buffer.copy(this.pending, 0, offset, end);
    }
    this.pendingLength = left;
  }
}
