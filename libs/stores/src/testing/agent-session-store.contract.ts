import type { AgentSessionRecord, AgentSessionStore } from '../agent-session-store/agent-session-store';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

type NewRecord = Omit<AgentSessionRecord, 'updatedAt'>;

/** Behaviour every AgentSessionStore must have; run it against each implementation. */
export function describeAgentSessionStoreContract(
  name: string,
  create: (clock: ManualClock) => Promise<AgentSessionStore>,
): void {
  describe(`AgentSessionStore contract: ${name}`, () => {
    const fresh = freshPerTest(create);
    const store = (): AgentSessionStore => fresh.subject;

    const record = (userId: string, nodeId = 'n1'): NewRecord => ({
      userId,
      userName: `name-${userId}`,
      placeName: `place-${userId}`,
      loginCode: `code-${userId}`,
      queue: '8001',
      baseUrl: 'https://gws.example.com',
      dns: [`70${userId.length}1`, `sip:${userId}@example.com`],
      nodeId,
    });
    const created = async (userId: string, nodeId = 'n1'): Promise<void> => {
      expect(await store().create(record(userId, nodeId))).toEqual({ ok: true });
    };
    const usersOn = async (nodeId: string): Promise<string[]> =>
      (await store().listByNode(nodeId)).map((entry) => entry.userId).sort();

    it('returns what was stored, stamped with the time', async () => {
      await created('u1');
      expect(await store().get('u1')).toEqual({ ...record('u1'), updatedAt: fresh.clock.now() });
      expect(await store().get('u2')).toBeUndefined();
      await store().create({ ...record('u2'), queue: undefined });
      expect((await store().get('u2'))?.queue).toBeUndefined();
    });

    it('keeps the first record of a user and tells a second creator who holds it', async () => {
      await created('u1', 'n1');
      fresh.clock.advance(10);
      expect(await store().create(record('u1', 'n2'))).toEqual({
        ok: false,
        existing: { ...record('u1', 'n1'), updatedAt: fresh.clock.now() - 10 },
      });
      expect(await usersOn('n2')).toEqual([]);
    });

    it('of several nodes creating one user at once, exactly one succeeds', async () => {
      const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
      const results = await Promise.all(nodes.map((nodeId) => store().create(record('u1', nodeId))));
      const winners = nodes.filter((_nodeId, i) => results[i]!.ok);
      expect(winners).toHaveLength(1);
      expect((await store().get('u1'))?.nodeId).toBe(winners[0]);
      for (const result of results) if (!result.ok) expect(result.existing.nodeId).toBe(winners[0]);
      for (const nodeId of nodes) expect(await usersOn(nodeId)).toEqual(nodeId === winners[0] ? ['u1'] : []);
    });

    it('claim moves the session only from the node that holds it', async () => {
      await created('u1', 'n1');
      fresh.clock.advance(50);
      expect(await store().claim('u1', 'n2', 'n3')).toBeUndefined();
      expect(await store().claim('nobody', 'n1', 'n3')).toBeUndefined();
      const claimed = { ...record('u1', 'n2'), updatedAt: fresh.clock.now() };
      expect(await store().claim('u1', 'n1', 'n2')).toEqual(claimed);
      expect(await store().get('u1')).toEqual(claimed);
      expect(await store().claim('u1', 'n1', 'n3')).toBeUndefined();
      expect(await usersOn('n1')).toEqual([]);
      expect(await usersOn('n2')).toEqual(['u1']);
      expect(await usersOn('n3')).toEqual([]);
    });

    it('of several nodes claiming one session at once, exactly one wins', async () => {
      await created('u1', 'dead');
      const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
      const results = await Promise.all(nodes.map((nodeId) => store().claim('u1', 'dead', nodeId)));
      const winners = nodes.filter((_nodeId, i) => results[i] !== undefined);
      expect(winners).toHaveLength(1);
      expect((await store().get('u1'))?.nodeId).toBe(winners[0]);
      expect(await usersOn('dead')).toEqual([]);
      for (const nodeId of nodes) expect(await usersOn(nodeId)).toEqual(nodeId === winners[0] ? ['u1'] : []);
    });

    it('survivors racing through a dead node list take each agent over once', async () => {
      const users = Array.from({ length: 12 }, (_, i) => `u${i}`);
      for (const userId of users) await created(userId, 'dead');
      await created('other', 'n3');
      const takeOver = async (nodeId: string): Promise<string[]> => {
        const sessions = await store().listByNode('dead');
        const claimed = await Promise.all(sessions.map((session) => store().claim(session.userId, 'dead', nodeId)));
        return claimed.flatMap((session) => (session === undefined ? [] : [session.userId]));
      };
      const [byN1, byN2] = await Promise.all([takeOver('n1'), takeOver('n2')]);
      expect([...byN1, ...byN2].sort()).toEqual([...users].sort());
      expect(await usersOn('n1')).toEqual([...byN1].sort());
      expect(await usersOn('n2')).toEqual([...byN2].sort());
      expect(await usersOn('dead')).toEqual([]);
      expect(await usersOn('n3')).toEqual(['other']);
    });

    it('only the holder deletes; the user can then start again anywhere', async () => {
      await created('u1', 'n1');
      expect(await store().delete('u1', 'n2')).toBe(false);
      expect(await usersOn('n1')).toEqual(['u1']);
      expect(await store().delete('u1', 'n1')).toBe(true);
      expect(await store().delete('u1', 'n1')).toBe(false);
      expect(await store().get('u1')).toBeUndefined();
      expect(await usersOn('n1')).toEqual([]);
      await created('u1', 'n2');
      expect(await usersOn('n2')).toEqual(['u1']);
    });

    it('lists the sessions of one node only', async () => {
      await created('a', 'n1');
      await created('b', 'n2');
      await created('c', 'n1');
      expect(await store().listByNode('n1')).toEqual(
        expect.arrayContaining([
          { ...record('a', 'n1'), updatedAt: fresh.clock.now() },
          { ...record('c', 'n1'), updatedAt: fresh.clock.now() },
        ]),
      );
      expect(await usersOn('n1')).toEqual(['a', 'c']);
      expect(await usersOn('n2')).toEqual(['b']);
      expect(await usersOn('n9')).toEqual([]);
    });
  });
}
