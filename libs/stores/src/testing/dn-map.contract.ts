import { waitFor } from '@gws/testing';
import type { DnMap, DnMapping, DnOwner } from '../dn-map/dn-map';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

export function describeDnMapContract(name: string, create: (clock: ManualClock) => Promise<DnMap>): void {
  describe(`DnMap contract: ${name}`, () => {
    const fresh = freshPerTest(create);
    const map = (): DnMap => fresh.subject;

    const alice: DnOwner = { userId: 'a', userName: 'agent1', placeName: 'Place_5001', agentId: '1001', nodeId: 'n1' };
    const bob: DnOwner = { userId: 'b', userName: 'agent2', placeName: 'Place_5001', nodeId: 'n2' };

    it('gives a free DN to a user and refuses it to another while held', async () => {
      const first = await map().assign('5001', alice);
      expect(first).toEqual({
        ok: true,
        mapping: { dn: '5001', registration: 'unknown', ...alice, updatedAt: fresh.clock.now() },
      });
      expect(await map().assign('5001', bob)).toEqual({ ok: false, heldBy: 'agent1' });
      expect((await map().assign('5001', { ...alice, nodeId: 'n3' })).ok).toBe(true);
      expect((await map().get('5001'))?.nodeId).toBe('n3');
    });

    it('releases only for the holder, keeping the endpoint', async () => {
      await map().setEndpoint('5001', { sipEndpoint: 'sip:5001@gw', registration: 'registered' });
      await map().assign('5001', alice);
      expect(await map().release('5001', 'b')).toBe(false);
      expect(await map().release('5001', 'a')).toBe(true);
      const row = await map().get('5001');
      expect(row).toEqual({
        dn: '5001',
        sipEndpoint: 'sip:5001@gw',
        registration: 'registered',
        updatedAt: fresh.clock.now(),
      });
      expect((await map().assign('5001', bob)).ok).toBe(true);
    });

    it('moves a DN to another node only from the node and user holding it, once when two nodes race', async () => {
      await map().assign('5001', alice);
      expect(await map().transfer('5001', 'b', 'n1', 'n2')).toBe(false);
      expect(await map().transfer('5001', 'a', 'n9', 'n2')).toBe(false);
      expect(await map().transfer('5002', 'a', 'n1', 'n2')).toBe(false);
      fresh.clock.advance(5);
      const won = await Promise.all([map().transfer('5001', 'a', 'n1', 'n2'), map().transfer('5001', 'a', 'n1', 'n3')]);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await map().get('5001')).toEqual({
        dn: '5001',
        registration: 'unknown',
        ...alice,
        nodeId: won[0] ? 'n2' : 'n3',
        updatedAt: fresh.clock.now(),
      });
    });

    it('finds the DNs of a user and lists all', async () => {
      await map().assign('5001', alice);
      await map().assign('5002', alice);
      await map().assign('5003', bob);
      expect((await map().findByUser('a')).map((row) => row.dn).sort()).toEqual(['5001', '5002']);
      expect((await map().list()).length).toBe(3);
    });

    it('reports every change to watchers', async () => {
      const changes: DnMapping[] = [];
      const stop = await map().watch((mapping) => changes.push(mapping));
      await map().assign('5001', alice);
      await map().setEndpoint('5001', { registration: 'registered', sipEndpoint: 'sip:5001@gw' });
      await waitFor(() => changes.length >= 2, 2000, 'two changes');
      expect(changes.map((change) => [change.userName, change.registration])).toEqual([
        ['agent1', 'unknown'],
        ['agent1', 'registered'],
      ]);
      await stop();
    });
  });
}
