import type { EventLog, EventLogOptions } from '../event-log/event-log';
import { ManualClock } from './manual-clock';

export function describeEventLogContract(
  name: string,
  create: (clock: ManualClock, options: EventLogOptions) => Promise<EventLog>,
): void {
  describe(`EventLog contract: ${name}`, () => {
    let clock: ManualClock;
    let log: EventLog;
    beforeEach(async () => {
      clock = new ManualClock();
      log = await create(clock, { maxEntries: 5, maxAgeMs: 10_000 });
    });
    afterEach(async () => log.close());

    it('numbers entries per stream from 1 and returns those after a sequence number', async () => {
      expect(await log.latestSeq('alice')).toBe(0);
      for (let n = 1; n <= 3; n++) expect(await log.append('alice', '/v2/me/devices', { n })).toBe(n);
      expect(await log.append('bob', '/v2/me/calls', { n: 1 })).toBe(1);
      expect((await log.since('alice', 1)).map(({ seq, topic, data }) => ({ seq, topic, data }))).toEqual([
        { seq: 2, topic: '/v2/me/devices', data: { n: 2 } },
        { seq: 3, topic: '/v2/me/devices', data: { n: 3 } },
      ]);
      expect((await log.since('alice', 0, 1)).map((entry) => entry.seq)).toEqual([1]);
      expect(await log.latestSeq('alice')).toBe(3);
    });

    it('keeps the newest maxEntries and never reuses a sequence number', async () => {
      for (let n = 1; n <= 8; n++) await log.append('alice', 't', n);
      expect((await log.since('alice', 0)).map((entry) => entry.seq)).toEqual([4, 5, 6, 7, 8]);
      await log.clear('alice');
      expect(await log.since('alice', 0)).toEqual([]);
      expect(await log.append('alice', 't', 9)).toBe(9);
    });

    it('drops entries older than maxAgeMs', async () => {
      await log.append('alice', 't', 'old');
      clock.advance(10_001);
      await log.append('alice', 't', 'new');
      expect((await log.since('alice', 0)).map((entry) => entry.data)).toEqual(['new']);
    });
  });
}
