import type { NodeInfo, NodeRegistry } from '../node-registry/node-registry';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

/** Behaviour every NodeRegistry must have; run it against each implementation. */
export function describeNodeRegistryContract(
  name: string,
  create: (clock: ManualClock) => Promise<NodeRegistry>,
): void {
  describe(`NodeRegistry contract: ${name}`, () => {
    const fresh = freshPerTest(create);
    const registry = (): NodeRegistry => fresh.subject;

    const node = (nodeId: string, draining = false): NodeInfo => ({
      nodeId,
      internalUrl: `http://10.0.0.${nodeId.length}:8090`,
      startedAt: fresh.clock.now() - 5_000,
      draining,
    });
    const aliveIds = async (): Promise<string[]> => (await registry().alive()).map((info) => info.nodeId).sort();

    it('returns what a node announced', async () => {
      const info = node('n1');
      await registry().heartbeat(info, 10_000);
      expect(await registry().get('n1')).toEqual(info);
      expect(await registry().get('n2')).toBeUndefined();
      expect(await registry().alive()).toEqual([info]);
    });

    it('a heartbeat replaces what the node announced before', async () => {
      await registry().heartbeat(node('n1'), 10_000);
      await registry().heartbeat(node('n1', true), 10_000);
      expect((await registry().get('n1'))?.draining).toBe(true);
      expect(await registry().alive()).toEqual([node('n1', true)]);
    });

    it('a node is dead ttlMs after its last heartbeat', async () => {
      await registry().heartbeat(node('n1'), 1_000);
      await registry().heartbeat(node('n2'), 1_000);
      fresh.clock.advance(900);
      await registry().heartbeat(node('n2'), 1_000);
      fresh.clock.advance(99);
      expect(await aliveIds()).toEqual(['n1', 'n2']);
      fresh.clock.advance(1);
      expect(await registry().get('n1')).toBeUndefined();
      expect(await aliveIds()).toEqual(['n2']);
      fresh.clock.advance(900);
      expect(await registry().get('n2')).toBeUndefined();
      expect(await aliveIds()).toEqual([]);
    });

    it('a dead node that heartbeats again is alive again', async () => {
      await registry().heartbeat(node('n1'), 1_000);
      fresh.clock.advance(5_000);
      expect(await aliveIds()).toEqual([]);
      await registry().heartbeat(node('n1'), 1_000);
      expect(await registry().get('n1')).toEqual(node('n1'));
      expect(await aliveIds()).toEqual(['n1']);
    });

    it('a node that leaves is dead at once, and only that one', async () => {
      await registry().heartbeat(node('n1'), 10_000);
      await registry().heartbeat(node('n2'), 10_000);
      await registry().leave('n1');
      await registry().leave('unknown');
      expect(await registry().get('n1')).toBeUndefined();
      expect(await aliveIds()).toEqual(['n2']);
    });

    it('lists every node alive, whatever each one asked for its time to live', async () => {
      await Promise.all(['n1', 'n2', 'n3', 'n4'].map((id, i) => registry().heartbeat(node(id), 1_000 * (i + 1))));
      fresh.clock.advance(2_000);
      expect(await aliveIds()).toEqual(['n3', 'n4']);
    });
  });
}
