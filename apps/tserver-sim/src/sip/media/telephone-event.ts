import { SAMPLES_PER_PACKET } from './tone';

/** RFC 4733 section 3.2 event codes: 0-9, * = 10, # = 11, A-D = 12-15. */
const EVENT_CODES: Readonly<Record<string, number>> = {
  '*': 10,
  '#': 11,
  A: 12,
  B: 13,
  C: 14,
  D: 15,
};

/** How long each digit is played, in 20 ms packets (100 ms), and how often its end packet is sent (3 times). */
const TONE_PACKETS = 5;
const END_REPEATS = 3;
/** Audio packets between two digits (40 ms). */
const GAP_PACKETS = 2;
const VOLUME_DBM0 = 10;

export function eventCode(digit: string): number {
  const code = /^[0-9]$/.test(digit) ? Number(digit) : EVENT_CODES[digit.toUpperCase()];
  if (code === undefined) throw new Error(`not a DTMF digit: '${digit}'`);
  return code;
}

/** One RTP packet's worth of a telephone event: its 4-byte payload, or a packet of audio (`undefined`). */
export interface EventStep {
  readonly payload: Buffer | undefined;
  /** The first packet of an event has the marker bit; all packets of one event share its start timestamp. */
  readonly start: boolean;
}

/**
 * The packets that play `digit` as an RFC 4733 named event, one per 20 ms tick: the event with a growing duration,
 * its end packet three times (E bit, final duration), then a short gap of audio before the next digit.
 */
export function eventSteps(digit: string): EventStep[] {
  const code = eventCode(digit);
  const payload = (duration: number, end: boolean): Buffer =>
    Buffer.from([code, (end ? 0x80 : 0) | VOLUME_DBM0, (duration >> 8) & 0xff, duration & 0xff]);
  const steps: EventStep[] = [];
  for (let n = 1; n <= TONE_PACKETS; n++)
    steps.push({ payload: payload(n * SAMPLES_PER_PACKET, false), start: n === 1 });
  for (let n = 0; n < END_REPEATS; n++) {
    steps.push({ payload: payload(TONE_PACKETS * SAMPLES_PER_PACKET, true), start: false });
  }
  for (let n = 0; n < GAP_PACKETS; n++) steps.push({ payload: undefined, start: false });
  return steps;
}
