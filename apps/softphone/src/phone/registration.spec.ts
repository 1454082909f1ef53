/// <reference types="jest" />
import { credentialRefreshDelayMs, retryDelayMs } from './registration';

describe('credential refresh timing', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const at = (ms: number): string => new Date(now + ms).toISOString();

  it('fetches a minute before a long-lived credential expires, at least every 10 minutes', () => {
    expect(credentialRefreshDelayMs(at(5 * 60_000), now)).toBe(4 * 60_000);
    expect(credentialRefreshDelayMs(at(30 * 60_000), now)).toBe(10 * 60_000);
  });

  it('fetches halfway through a short-lived one, and never sooner than 5 s (even when already expired)', () => {
    expect(credentialRefreshDelayMs(at(60_000), now)).toBe(30_000);
    expect(credentialRefreshDelayMs(at(4_000), now)).toBe(5_000);
    expect(credentialRefreshDelayMs(at(-60_000), now)).toBe(5_000);
  });

  it('backs off 5, 10, 20, 40 s, then every 60 s', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});
