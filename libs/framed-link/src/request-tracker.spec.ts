import { exponentialBackoff } from './backoff';
import { Int32Sequence } from './int32-sequence';
import { RequestTracker } from './request-tracker';

describe('RequestTracker', () => {
  it('settles each request once with its reply', async () => {
    const tracker = new RequestTracker<number, string>();
    const reply = tracker.track(1, 1000, () => new Error('timeout'));
    expect(tracker.has(1)).toBe(true);
    expect(tracker.settle(1, 'EventAgentReady')).toBe(true);
    expect(tracker.settle(1, 'again')).toBe(false);
    await expect(reply).resolves.toBe('EventAgentReady');
    expect(tracker.size).toBe(0);
  });

  it('rejects on error, on timeout and on failAll', async () => {
    const tracker = new RequestTracker<number, string>();
    const failed = tracker.track(1, 1000, () => new Error('timeout'));
    const timedOut = tracker.track(2, 5, () => new Error('no reply to 2'));
    const dropped = [tracker.track(3, 1000, () => new Error('t')), tracker.track(4, 1000, () => new Error('t'))];
    tracker.fail(1, new Error('EventError 56'));
    await expect(failed).rejects.toThrow('EventError 56');
    await expect(timedOut).rejects.toThrow('no reply to 2');
    tracker.failAll(new Error('link down'));
    await Promise.all(dropped.map((promise) => expect(promise).rejects.toThrow('link down')));
    expect(tracker.size).toBe(0);
  });
});

describe('Int32Sequence', () => {
  it('counts from 1 and wraps after 2^31-1 without ever giving 0', () => {
    const fresh = new Int32Sequence();
    expect([fresh.next(), fresh.next()]).toEqual([1, 2]);
    const nearEnd = new Int32Sequence(0x7ffffffe);
    expect([nearEnd.next(), nearEnd.next(), nearEnd.next()]).toEqual([0x7fffffff, 1, 2]);
  });
});

describe('exponentialBackoff', () => {
  it('grows by the factor, stays within the jitter band and never passes the cap', () => {
    const delay = exponentialBackoff({ initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.2 });
    for (let run = 0; run < 50; run++) {
      expect(delay(1)).toBeGreaterThanOrEqual(80);
      expect(delay(1)).toBeLessThanOrEqual(120);
      expect(delay(3)).toBeGreaterThanOrEqual(320);
      expect(delay(3)).toBeLessThanOrEqual(480);
      expect(delay(20)).toBeLessThanOrEqual(1000);
    }
  });

  it('is exact without jitter', () => {
    const delay = exponentialBackoff({ initialMs: 50, maxMs: 300, jitter: 0 });
    expect([1, 2, 3, 4, 5].map(delay)).toEqual([50, 100, 200, 300, 300]);
  });
});
