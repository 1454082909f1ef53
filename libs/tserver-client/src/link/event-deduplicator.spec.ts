import type { TMessage } from '@gws/tlib';
import { EventDeduplicator } from './event-deduplicator';

const event = (seq?: number, start?: number): TMessage => ({
  name: 'EventAgentReady',
  attributes: {
    ThisDN: '5001',
    ...(seq !== undefined ? { EventSequenceNumber: seq } : {}),
    ...(start !== undefined ? { ServerStartTime: start } : {}),
  },
});

describe('EventDeduplicator', () => {
  it('passes events without a sequence number, and each (start, seq) once', () => {
    const dedup = new EventDeduplicator(10);
    expect([event(), event(), event(1, 7), event(1, 7), event(1, 8)].map((e) => dedup.accept(e))).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    expect(dedup.dropped).toBe(1);
  });

  it('remembers only the last `window` keys', () => {
    const dedup = new EventDeduplicator(2);
    for (const seq of [1, 2, 3]) dedup.accept(event(seq, 7));
    expect(dedup.accept(event(3, 7))).toBe(false);
    expect(dedup.accept(event(1, 7))).toBe(true);
  });

  it('keys events without ServerStartTime by link: a restarted server may reuse their numbers', () => {
    const dedup = new EventDeduplicator(10);
    expect(dedup.accept(event(1))).toBe(true);
    expect(dedup.accept(event(1))).toBe(false);
    dedup.newLink();
    expect(dedup.accept(event(1))).toBe(true);
  });

  it('keeps the numbers of each server start and of each link apart, and forgets across them in arrival order', () => {
    const dedup = new EventDeduplicator(3);
    expect([event(5, 7), event(5, 8), event(5)].map((e) => dedup.accept(e))).toEqual([true, true, true]);
    expect([event(5, 7), event(5, 8), event(5)].map((e) => dedup.accept(e))).toEqual([false, false, false]);
    expect(dedup.accept(event(6, 7))).toBe(true);
    // (7, 5) was the oldest of the three kept: forgotten; the other two still known.
    expect([event(5, 8), event(5), event(5, 7)].map((e) => dedup.accept(e))).toEqual([false, false, true]);
  });
});
