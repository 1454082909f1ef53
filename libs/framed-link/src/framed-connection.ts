import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import {
  ADDP_PAYLOAD_BYTES,
  FRAME_HEADER_BYTES,
  TlibProtocolError,
  type FrameDecoder,
  type WireCodec,
  type WireMessage,
} from '@gws/tlib';
import type { CloseReason } from './close-reason';
import { silentLogger, type LinkLogger } from './link-logger';

export interface FramedConnectionOptions<M extends WireMessage> {
  readonly socket: Socket;
  /** May be shared between connections: encoding is synchronous and hands each frame over. */
  readonly codec: WireCodec<M>;
  /** Names the link in logs, e.g. `tserver-client primary`. */
  readonly name: string;
  /** ADDP: poll after this long without traffic, and give up if nothing answers within it again. 0 = off. */
  readonly addpTimeoutMs?: number;
  /**
   * Largest frame, header included, accepted from the peer; at most the codec's `maxFrameBytes`. A server lowers it
   * until the peer has registered (`setMaxFrameBytes`). @default the codec's `maxFrameBytes` (1 MiB)
   */
  readonly maxFrameBytes?: number;
  readonly logger?: LinkLogger;
}

export interface FramedConnectionEvents<M> {
  message: [message: M];
  close: [reason: CloseReason];
}

/**
 * One framed TCP link: decodes whole messages from the socket, encodes outgoing ones, runs ADDP keep-alive and
 * reports exactly one close with its reason. A malformed frame closes only this link; nothing escapes the socket
 * handlers, so a peer's bad bytes can never take the process down.
 */
export class FramedConnection<M extends WireMessage> extends EventEmitter<FramedConnectionEvents<M>> {
  /**
   * Set false to go silent on ADDP (fault injection): this side neither answers the peer's polls nor polls it, since
   * the peer's ADDP takes anything received, polls included, as a sign of life and would never declare the link dead.
   * An ADDP timeout set meanwhile (`setAddpTimeout`) takes effect when it is set true again.
   */
  get answerAddp(): boolean {
    return this.addpOn;
  }

  set answerAddp(answer: boolean) {
    if (answer === this.addpOn) return;
    this.addpOn = answer;
    this.pollOutstanding = false;
    this.scheduleAddp();
  }

  /** ADDP polls sent so far (health output, tests). */
  addpPollsSent = 0;

  private readonly socket: Socket;
  private readonly codec: WireCodec<M>;
  private readonly decoder: FrameDecoder<M>;
  private readonly logger: LinkLogger;
  private addpTimeoutMs: number;
  private addpOn = true;
  private addpTimer: NodeJS.Timeout | undefined;
  private lastReceivedAt = Date.now();
  private pollOutstanding = false;
  private addpToken = 0;
  private closeReason: CloseReason | undefined;

  constructor(private readonly options: FramedConnectionOptions<M>) {
    super();
    this.socket = options.socket;
    this.codec = options.codec;
    this.logger = options.logger ?? silentLogger;
    this.addpTimeoutMs = options.addpTimeoutMs ?? 0;
    this.decoder = this.codec.createDecoder({
      onMessage: (message) => this.deliver(message),
      onAddpPoll: (token) => {
        if (this.addpOn) this.write(this.codec.encodeAddpReply(token));
      },
      onAddpReply: () => undefined,
    });
    if (options.maxFrameBytes !== undefined) this.setMaxFrameBytes(options.maxFrameBytes);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('end', () => this.finish({ kind: 'remote-closed', detail: 'peer closed the connection' }));
    this.socket.on('close', () => this.finish({ kind: 'remote-closed', detail: 'connection closed' }));
    this.socket.on('error', (error) => this.finish({ kind: 'socket-error', detail: error.message }));
    this.scheduleAddp();
  }

  get closed(): boolean {
    return this.closeReason !== undefined;
  }

  /** Names the link in logs. */
  get name(): string {
    return this.options.name;
  }

  /** Largest frame, header included, accepted from the peer now. */
  get maxFrameBytes(): number {
    return this.decoder.maxFrameBytes;
  }

  /**
   * Changes the largest frame accepted from the peer. It applies to every frame header read from now on, that of a
   * frame partly received included; a larger frame closes the link as a protocol error (FRAME_TOO_LARGE).
   * @throws RangeError outside 11 bytes (one ADDP frame) to the codec's `maxFrameBytes`
   */
  setMaxFrameBytes(bytes: number): void {
    const ceiling = this.codec.maxFrameBytes;
    if (!Number.isInteger(bytes) || bytes < FRAME_HEADER_BYTES + ADDP_PAYLOAD_BYTES || bytes > ceiling) {
      throw new RangeError(`maxFrameBytes ${bytes}: expected an integer from 11 to ${ceiling}`);
    }
    this.decoder.setMaxFrameBytes(bytes);
  }

  /** Bytes read from the peer so far, ADDP included: whether anything at all arrived meanwhile. */
  get bytesReceived(): number {
    return this.socket.bytesRead;
  }

  get remote(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  /** Encodes and writes one message; false once the link is closed. @throws on a message that cannot be encoded */
  send(message: M): boolean {
    if (this.closed) return false;
    return this.write(this.codec.encode(message));
  }

  /** Writes bytes as they are (fault injection, tools). */
  sendRaw(bytes: Uint8Array): boolean {
    return this.write(bytes);
  }

  setAddpTimeout(timeoutMs: number): void {
    this.addpTimeoutMs = timeoutMs;
    this.pollOutstanding = false;
    this.scheduleAddp();
  }

  /** Half-closes after pending writes. */
  close(detail = 'closed locally'): void {
    if (this.finish({ kind: 'local', detail })) this.socket.end();
  }

  /** Drops the link at once. */
  destroy(detail = 'destroyed locally'): void {
    if (this.finish({ kind: 'local', detail })) this.socket.destroy();
  }

  private write(bytes: Uint8Array): boolean {
    if (this.closed || this.socket.destroyed) return false;
    this.socket.write(bytes);
    return true;
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.lastReceivedAt = Date.now();
    this.pollOutstanding = false;
    try {
      this.decoder.push(chunk);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (error instanceof TlibProtocolError) {
        this.logger.warn({ link: this.options.name, remote: this.remote, reason: detail }, 'closing link: bad frame');
      } else {
        this.logger.error({ link: this.options.name, remote: this.remote, err: error }, 'closing link: decoder failed');
      }
      if (this.finish({ kind: 'protocol-error', detail })) this.socket.destroy();
    }
  }

  /** A listener that throws must not break the decode loop or the socket: it is logged, the link goes on. */
  private deliver(message: M): void {
    try {
      this.emit('message', message);
    } catch (error) {
      this.logger.error(
        { link: this.options.name, message: message.name, err: error },
        'message handler failed; link kept open',
      );
    }
  }

  private scheduleAddp(delayMs = this.addpTimeoutMs): void {
    clearTimeout(this.addpTimer);
    this.addpTimer = undefined;
    if (this.addpTimeoutMs <= 0 || !this.addpOn || this.closed) return;
    this.addpTimer = setTimeout(() => this.checkAddp(), delayMs);
    this.addpTimer.unref();
  }

  private checkAddp(): void {
    const quietMs = Date.now() - this.lastReceivedAt;
    if (quietMs < this.addpTimeoutMs) {
      this.scheduleAddp(this.addpTimeoutMs - quietMs);
      return;
    }
    if (this.pollOutstanding) {
      const detail = `no ADDP reply within ${this.addpTimeoutMs} ms`;
      this.logger.warn({ link: this.options.name, remote: this.remote }, detail);
      if (this.finish({ kind: 'addp-timeout', detail })) this.socket.destroy();
      return;
    }
    this.pollOutstanding = true;
    this.addpToken = (this.addpToken + 1) >>> 0;
    this.addpPollsSent++;
    this.write(this.codec.encodeAddpPoll(this.addpToken));
    this.scheduleAddp();
  }

  /** Records the first close only; returns whether this call was it. */
  private finish(reason: CloseReason): boolean {
    if (this.closeReason) return false;
    this.closeReason = reason;
    clearTimeout(this.addpTimer);
    this.addpTimer = undefined;
    this.emit('close', reason);
    return true;
  }
}
