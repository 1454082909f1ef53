import { waitFor } from '@gws/testing';
import type { JsonValue } from '../json';
import type { EventBus } from '../event-bus/event-bus';

const collected = (received: JsonValue[], count: number): Promise<void> =>
  waitFor(() => received.length >= count, 2000, `${count} messages`);

/**
 * Behaviour every EventBus must have. `create` is called twice per test: two nodes on one bus (for a networked bus,
 * two connections to the same server).
 */
export function describeEventBusContract(name: string, create: () => Promise<EventBus>): void {
  describe(`EventBus contract: ${name}`, () => {
    let nodes: EventBus[];
    beforeEach(async () => {
      nodes = await Promise.all([create(), create()]);
    });
    afterEach(async () => Promise.all(nodes.map((node) => node.close())));

    it('delivers a topic to every subscriber, in publish order, and nothing of other topics', async () => {
      const [a, b] = nodes as [EventBus, EventBus];
      const onA: JsonValue[] = [];
      const onB: JsonValue[] = [];
      await a.subscribe('user:1', (message) => onA.push(message));
      await b.subscribe('user:1', (message) => onB.push(message));
      await b.subscribe('user:2', () => onB.push('wrong topic'));
      for (let n = 1; n <= 20; n++) await a.publish('user:1', { n, call: { id: 'c', state: 'Ringing' } });
      await collected(onA, 20);
      await collected(onB, 20);
      expect(onA).toEqual(Array.from({ length: 20 }, (_, n) => ({ n: n + 1, call: { id: 'c', state: 'Ringing' } })));
      expect(onB).toEqual(onA);
    });

    it('stops delivering after unsubscribe', async () => {
      const [a, b] = nodes as [EventBus, EventBus];
      const kept: JsonValue[] = [];
      const dropped: JsonValue[] = [];
      await b.subscribe('t', (message) => kept.push(message));
      const unsubscribe = await b.subscribe('t', (message) => dropped.push(message));
      await a.publish('t', 1);
      await collected(kept, 1);
      await unsubscribe();
      await a.publish('t', 2);
      await collected(kept, 2);
      expect(dropped).toEqual([1]);
    });

    it('delivers the published value to every handler, equal to what was sent', async () => {
      const [a] = nodes as [EventBus];
      const seen: JsonValue[] = [];
      await a.subscribe('t', (message) => seen.push(message));
      await a.subscribe('t', (message) => seen.push(message));
      const sent = { n: 1, call: { id: 'c', parties: ['5001'] } };
      await a.publish('t', sent);
      await collected(seen, 2);
      expect(seen).toEqual([sent, sent]);
    });
  });
}
