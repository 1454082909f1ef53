import { waitFor } from '@gws/testing';
import type { JsonValue } from '../json';
import type { EventBus } from '../event-bus/event-bus';

const collected = (received: JsonValue[], count: number): Promise<void> =>
  waitFor(() => received.length >= count, 2000, `${count} messages`);

/**
 * Two nodes on one bus that no other test uses (for a networked bus: two connections under a fresh prefix). An
 * in-process bus may give the same instance twice; each node is closed after the test.
 */
export type EventBusNodes = readonly [EventBus, EventBus];

/** Behaviour every EventBus must have; `create` gives each test a bus of its own. */
export function describeEventBusContract(name: string, create: () => Promise<EventBusNodes>): void {
  describe(`EventBus contract: ${name}`, () => {
    let nodes: EventBusNodes;
    beforeEach(async () => {
      nodes = await create();
    });
    afterEach(async () => Promise.all(nodes.map((node) => node.close())));

    it('delivers a topic to every subscriber, in publish order, and nothing of other topics', async () => {
      const [a, b] = nodes;
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
      const [a, b] = nodes;
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
      const [a] = nodes;
      const seen: JsonValue[] = [];
      await a.subscribe('t', (message) => seen.push(message));
      await a.subscribe('t', (message) => seen.push(message));
      const sent = { n: 1, call: { id: 'c', parties: ['5001'] } };
      await a.publish('t', sent);
      await collected(seen, 2);
      expect(seen).toEqual([sent, sent]);
    });

    it('stops delivering to a node’s handlers once that node is closed, and closes twice without harm', async () => {
      const [a, b] = nodes;
      const onA: JsonValue[] = [];
      const onB: JsonValue[] = [];
      await a.subscribe('t', (message) => onA.push(message));
      await a.close();
      await a.close();
      await b.subscribe('t', (message) => onB.push(message));
      await b.publish('t', 1);
      await collected(onB, 1);
      expect(onA).toEqual([]);
    });
  });
}
