import { waitFor } from '@gws/testing';
import type {
  OriginMark,
  UserEvent,
  UserEventStream,
  UserEventStreamOptions,
} from '../user-event-stream/user-event-stream';
import { ManualClock } from './manual-clock';

interface DeviceMessage {
  messageType: 'Device';
  n: number;
}

interface CallMessage {
  messageType: 'Call';
  n: number;
  call: { id: string; parties: string[]; userData?: Record<string, string | number> };
}

/** The topics the contract appends on, each with its own message shape. */
export interface ContractTopics {
  '/devices': DeviceMessage;
  '/calls': CallMessage;
}

type Event = UserEvent<ContractTopics>;

/**
 * Two nodes on one store that no other test uses (for a networked stream: two connections under a fresh key
 * prefix). An in-process stream may give the same instance twice; each node is closed after the test.
 */
export type UserEventStreamNodes = readonly [UserEventStream<ContractTopics>, UserEventStream<ContractTopics>];

const device = (n: number): DeviceMessage => ({ messageType: 'Device', n });
const call = (n: number): CallMessage => ({
  messageType: 'Call',
  n,
  call: { id: `c${n}`, parties: ['5001', '+15551234567'], userData: { Segment: 'gold', Priority: n } },
});

const collected = (received: unknown[], count: number): Promise<void> =>
  waitFor(() => received.length >= count, 2000, `${count} events`);

const ofUser = (events: readonly Event[], userId: string): Event[] => events.filter((e) => e.userId === userId);

/** The mark that `origins`, appended in this order, leave: the last origin and how many in a row ended with it. */
const markAfter = (origins: readonly string[]): OriginMark | undefined => {
  const origin = origins[origins.length - 1];
  if (origin === undefined) return undefined;
  let count = 0;
  while (origins[origins.length - 1 - count] === origin) count++;
  return { origin, count };
};

/** Behaviour every UserEventStream must have; `create` gives each test a store of its own and a clock it moves. */
export function describeUserEventStreamContract(
  name: string,
  create: (clock: ManualClock, options: Required<UserEventStreamOptions>) => Promise<UserEventStreamNodes>,
): void {
  describe(`UserEventStream contract: ${name}`, () => {
    let clock: ManualClock;
    let nodes: UserEventStreamNodes;
    beforeEach(async () => {
      clock = new ManualClock();
      nodes = await create(clock, { maxEntries: 5, maxAgeMs: 10_000 });
    });
    afterEach(async () => Promise.all(nodes.map((node) => node.close())));

    it('numbers each user’s events from 1 and reads back, on every node, those after a sequence number', async () => {
      const [a, b] = nodes;
      expect(await a.latestSeq('alice')).toBe(0);
      for (let n = 1; n <= 3; n++) expect(await a.append('alice', '/devices', device(n))).toBe(n);
      clock.advance(7);
      expect(await b.append('alice', '/calls', call(4), 1_700_000_000_000)).toBe(4);
      expect(await a.append('bob', '/calls', call(1))).toBe(1);
      expect((await b.since('alice', 2)).map(({ seq, topic, data }) => ({ seq, topic, data }))).toEqual([
        { seq: 3, topic: '/devices', data: device(3) },
        { seq: 4, topic: '/calls', data: call(4) },
      ]);
      expect(await a.since('alice', 3)).toEqual([
        { userId: 'alice', seq: 4, at: clock.now(), topic: '/calls', data: call(4), eventAt: 1_700_000_000_000 },
      ]);
      expect((await a.since('alice', 0, 2)).map((event) => event.seq)).toEqual([1, 2]);
      expect(await b.latestSeq('alice')).toBe(4);
      expect(await b.latestSeq('carol')).toBe(0);
    });

    it('delivers every event to every node’s subscribers, each user’s in the order appended, as logged', async () => {
      const [a, b] = nodes;
      const onA: Event[] = [];
      const onB: Event[] = [];
      await a.subscribe((event) => onA.push(event));
      await b.subscribe((event) => onB.push(event));
      // Not awaited one by one: numbering and delivery follow the order of the calls.
      const seqs = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          n % 2 === 0
            ? a.append('alice', '/calls', call(n), 1000 + n, `e:${n}`)
            : a.append('bob', '/devices', device(n)),
        ),
      );
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, n) => Math.floor(n / 2) + 1));
      await collected(onA, 20);
      await collected(onB, 20);
      for (const received of [onA, onB]) {
        const alice = ofUser(received, 'alice');
        const bob = ofUser(received, 'bob');
        expect(alice.map(({ seq, topic, data, eventAt, origin }) => ({ seq, topic, data, eventAt, origin }))).toEqual(
          Array.from({ length: 10 }, (_, n) => ({
            seq: n + 1,
            topic: '/calls',
            data: call(2 * n),
            eventAt: 1000 + 2 * n,
            origin: `e:${2 * n}`,
          })),
        );
        expect(bob.map(({ seq, topic, data }) => ({ seq, topic, data }))).toEqual(
          Array.from({ length: 10 }, (_, n) => ({ seq: n + 1, topic: '/devices', data: device(2 * n + 1) })),
        );
        bob.forEach((event) => expect(Object.keys(event).sort()).toEqual(['at', 'data', 'seq', 'topic', 'userId']));
        expect(alice.slice(-5)).toEqual(await b.since('alice', 0));
      }
    });

    it('delivers what is appended while subscribed, never from inside append', async () => {
      const [a, b] = nodes;
      await a.append('alice', '/devices', device(1));
      const kept: number[] = [];
      const dropped: number[] = [];
      await b.subscribe((event) => kept.push(event.seq));
      const unsubscribe = await b.subscribe((event) => dropped.push(event.seq));
      const appended = a.append('alice', '/devices', device(2));
      expect(kept).toEqual([]);
      await appended;
      await collected(kept, 1);
      await unsubscribe();
      await a.append('alice', '/devices', device(3));
      await collected(kept, 2);
      expect(kept).toEqual([2, 3]);
      expect(dropped).toEqual([2]);
    });

    it('keeps the newest maxEntries and never reuses a sequence number', async () => {
      const [a] = nodes;
      for (let n = 1; n <= 8; n++) await a.append('alice', '/devices', device(n));
      expect((await a.since('alice', 0)).map((event) => event.seq)).toEqual([4, 5, 6, 7, 8]);
      await a.clear('alice');
      expect(await a.since('alice', 0)).toEqual([]);
      expect(await a.append('alice', '/devices', device(9))).toBe(9);
      expect(await a.latestSeq('alice')).toBe(9);
    });

    it('drops events older than maxAgeMs', async () => {
      const [a] = nodes;
      await a.append('alice', '/devices', device(1));
      clock.advance(10_001);
      await a.append('alice', '/devices', device(2));
      expect((await a.since('alice', 0)).map((event) => event.data)).toEqual([device(2)]);
    });

    it('marks the origin of each user’s latest appends: one more of the same, afresh at a new one', async () => {
      const [a, b] = nodes;
      expect(await a.latestOrigin('alice')).toBeUndefined();
      await a.append('alice', '/calls', call(1), undefined, '1700000000:41');
      expect(await b.latestOrigin('alice')).toEqual({ origin: '1700000000:41', count: 1 });
      await b.append('alice', '/devices', device(2), 1_700_000_000_000, '1700000000:41');
      expect(await a.latestOrigin('alice')).toEqual({ origin: '1700000000:41', count: 2 });
      await a.append('alice', '/calls', call(3), undefined, '1700000000:42');
      expect(await a.latestOrigin('alice')).toEqual({ origin: '1700000000:42', count: 1 });
      // Logged (and delivered) with the message.
      expect((await b.since('alice', 0)).map((event) => event.origin)).toEqual([
        '1700000000:41',
        '1700000000:41',
        '1700000000:42',
      ]);
    });

    it('leaves the origin mark alone on appends without an origin, and keeps one mark per user', async () => {
      const [a, b] = nodes;
      await a.append('alice', '/calls', call(1), undefined, 'x:1');
      await a.append('alice', '/devices', device(2));
      await b.append('alice', '/devices', device(3), 1_700_000_000_000);
      expect(await a.latestOrigin('alice')).toEqual({ origin: 'x:1', count: 1 });
      await a.append('bob', '/calls', call(1), undefined, 'x:1');
      await b.append('bob', '/calls', call(2), undefined, 'x:1');
      await a.append('carol', '/devices', device(1));
      await a.append('alice', '/calls', call(4), undefined, 'x:1');
      expect(await b.latestOrigin('alice')).toEqual({ origin: 'x:1', count: 2 });
      expect(await b.latestOrigin('bob')).toEqual({ origin: 'x:1', count: 2 });
      expect(await b.latestOrigin('carol')).toBeUndefined();
      expect(await b.latestOrigin('dave')).toBeUndefined();
    });

    it('keeps the origin mark in step with the log when two nodes append for one user at once', async () => {
      const [a, b] = nodes;
      // The nodes name the same origins, two messages each, so a run can span both: `n % 100` tells which.
      const originOf = (n: number): string => `e:${Math.ceil((n % 100) / 2)}`;
      const appended: Promise<number>[] = [];
      for (let n = 1; n <= 12; n++) {
        appended.push(a.append('alice', '/devices', device(n), undefined, originOf(n)));
        appended.push(b.append('alice', '/devices', device(100 + n), undefined, originOf(100 + n)));
      }
      await Promise.all(appended);
      // An origin has at most four messages, so the log's newest maxEntries (5) hold the whole last run of one.
      const logged = (await a.since('alice', 0)).map((event) => originOf(event.data.n));
      expect(logged).toHaveLength(5);
      expect(await b.latestOrigin('alice')).toEqual(markAfter(logged));
    });

    it('stops delivering to a node’s handlers once that node is closed, and closes twice without harm', async () => {
      const [a, b] = nodes;
      const onA: Event[] = [];
      const onB: Event[] = [];
      await a.subscribe((event) => onA.push(event));
      await a.close();
      await a.close();
      await b.subscribe((event) => onB.push(event));
      await b.append('alice', '/devices', device(1));
      await collected(onB, 1);
      expect(onA).toEqual([]);
    });
  });
}
