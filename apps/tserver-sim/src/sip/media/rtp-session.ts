import { randomInt } from 'node:crypto';
import type { Socket } from 'node:dgram';
import { bindUdp } from '../udp-port';
import { decodeG711, type G711Codec } from './g711';
import { RmsWindow } from './rms-window';
import { decodeRtp, encodeRtp } from './rtp-packet';
import { eventSteps, type EventStep } from './telephone-event';
import { SAMPLES_PER_PACKET, toneSecond } from './tone';

/** Where the far end wants our audio, as its SDP says. */
export interface RtpTarget {
  readonly address: string;
  readonly port: number;
  readonly codec: G711Codec;
  readonly payloadType: number;
  /** telephone-event's payload type; undefined when the far end did not accept RFC 4733 events. */
  readonly eventPayloadType: number | undefined;
}

export interface RtpStats {
  readonly packetsIn: number;
  readonly packetsOut: number;
  /** RMS (0..1) of the audio received over the last second. */
  readonly rms: number;
}

const PACKET_INTERVAL_MS = 20;
const AUDIO_PAYLOAD_TYPES: Readonly<Record<number, G711Codec>> = { 0: 'PCMU', 8: 'PCMA' };

/**
 * One leg's media: a UDP socket, a 440 Hz tone sent every 20 ms while `sending`, RFC 4733 digits in place of the
 * tone while they play, and the level of what comes back.
 */
export class RtpSession {
  private readonly received: RmsWindow;
  private readonly ssrc = randomInt(2 ** 32);
  private readonly digits: EventStep[] = [];
  private target: RtpTarget | undefined;
  private tone: Buffer | undefined;
  private toneOffset = 0;
  private sequence = randomInt(2 ** 16);
  private timestamp = randomInt(2 ** 32);
  private eventTimestamp = 0;
  private timer: NodeJS.Timeout | undefined;
  private sending = false;
  private packetsIn = 0;
  private packetsOut = 0;
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    now: () => number,
  ) {
    this.received = new RmsWindow(now);
    socket.on('message', (data) => this.receive(data));
    socket.on('error', () => undefined);
  }

  /** Opens the leg's socket on `host` (a free port). */
  static async open(host: string, now: () => number): Promise<RtpSession> {
    return new RtpSession(await bindUdp(host, 0), now);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Sends to `target` from now on (a new SDP answer or offer). */
  setTarget(target: RtpTarget): void {
    if (this.target?.codec !== target.codec) {
      this.tone = toneSecond(target.codec);
      this.toneOffset = 0;
    }
    this.target = target;
    this.schedule();
  }

  /** Whether audio goes out (the far end receives: sendrecv / recvonly on its side). */
  setSending(on: boolean): void {
    this.sending = on;
    this.schedule();
  }

  /** Queues `digits` as telephone events; nothing when the far end did not accept them or does not listen. */
  sendDigits(digits: string): void {
    if (this.target?.eventPayloadType === undefined || !this.sending) return;
    for (const digit of digits) this.digits.push(...eventSteps(digit));
  }

  stats(): RtpStats {
    return { packetsIn: this.packetsIn, packetsOut: this.packetsOut, rms: this.received.rms() };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.socket.close();
  }

  private schedule(): void {
    const active = !this.closed && this.sending && this.target !== undefined;
    if (active && this.timer === undefined) this.timer = setInterval(() => this.tick(), PACKET_INTERVAL_MS);
    if (!active && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    const target = this.target;
    if (target === undefined || this.tone === undefined) return;
    const step = target.eventPayloadType === undefined ? undefined : this.digits.shift();
    if (step?.start === true) this.eventTimestamp = this.timestamp;
    const packet =
      step?.payload !== undefined
        ? {
            payloadType: target.eventPayloadType!,
            marker: step.start,
            timestamp: this.eventTimestamp,
            payload: step.payload,
          }
        : { payloadType: target.payloadType, marker: false, timestamp: this.timestamp, payload: this.nextTone() };
    this.socket.send(encodeRtp({ ...packet, sequence: this.sequence, ssrc: this.ssrc }), target.port, target.address);
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + SAMPLES_PER_PACKET) >>> 0;
    this.packetsOut++;
  }

  private nextTone(): Buffer {
    const tone = this.tone!;
    const chunk = tone.subarray(this.toneOffset, this.toneOffset + SAMPLES_PER_PACKET);
    this.toneOffset = (this.toneOffset + SAMPLES_PER_PACKET) % tone.length;
    return chunk;
  }

  private receive(data: Buffer): void {
    const packet = decodeRtp(data);
    if (packet === undefined) return;
    this.packetsIn++;
    const codec = AUDIO_PAYLOAD_TYPES[packet.payloadType];
    if (codec !== undefined) this.received.add(decodeG711(codec, packet.payload));
  }
}
