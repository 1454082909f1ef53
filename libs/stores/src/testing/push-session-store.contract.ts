import type { PushSessionRecord, PushSessionStore } from '../push-session-store/push-session-store';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

type NewRecord = Omit<PushSessionRecord, 'updatedAt'>;

const TTL = 60_000;

/** Behaviour every PushSessionStore must have; run it against each implementation. */
export function describePushSessionStoreContract(
  name: string,
  create: (clock: ManualClock) => Promise<PushSessionStore>,
): void {
  describe(`PushSessionStore contract: ${name}`, () => {
    const fresh = freshPerTest(create);
    const store = (): PushSessionStore => fresh.subject;

    const record = (clientId: string, nodeId = 'n1', acknowledging = true): NewRecord => ({
      clientId,
      userId: 'u1',
      userName: 'alice',
      httpSessionId: `http-${clientId}`,
      nodeId,
      confirmedSeq: 3,
      sentSeq: 5,
      acknowledging,
    });
    const seqs = async (clientId: string): Promise<[number, number] | undefined> => {
      const session = await store().get(clientId);
      return session === undefined ? undefined : [session.confirmedSeq, session.sentSeq];
    };

    it('returns what was stored, stamped with the time', async () => {
      await store().create(record('c1'), TTL);
      await store().create(record('c2', 'n2', false), TTL);
      expect(await store().get('c1')).toEqual({ ...record('c1'), updatedAt: fresh.clock.now() });
      expect(await store().get('c2')).toEqual({ ...record('c2', 'n2', false), updatedAt: fresh.clock.now() });
      expect(await store().get('c3')).toBeUndefined();
    });

    it('names the holder while the session lives, and the new one after a claim', async () => {
      await store().create(record('c1', 'n1'), TTL);
      expect(await store().holder('c1')).toBe('n1');
      expect(await store().holder('c2')).toBeUndefined();
      await store().claim('c1', 'n2', TTL);
      expect(await store().holder('c1')).toBe('n2');
      fresh.clock.advance(TTL);
      expect(await store().holder('c1')).toBeUndefined();
    });

    it('forgets a session ttlMs after it was last written; progress and claim restart the time', async () => {
      await store().create(record('c1'), 1_000);
      await store().create(record('c2'), 1_000);
      await store().create(record('c3'), 1_000);
      fresh.clock.advance(900);
      expect(await store().progress('c2', 'n1', { sentSeq: 6 }, 1_000)).toBe(true);
      expect((await store().claim('c3', 'n2', 1_000))?.nodeId).toBe('n1');
      fresh.clock.advance(100);
      expect(await store().get('c1')).toBeUndefined();
      expect(await store().progress('c1', 'n1', { sentSeq: 6 }, 1_000)).toBe(false);
      expect(await store().claim('c1', 'n2', 1_000)).toBeUndefined();
      expect(await store().get('c1')).toBeUndefined();
      expect(await seqs('c2')).toEqual([3, 6]);
      expect((await store().get('c3'))?.nodeId).toBe('n2');
      fresh.clock.advance(900);
      expect(await store().get('c2')).toBeUndefined();
      expect(await store().get('c3')).toBeUndefined();
    });

    it('progress only ever raises the numbers', async () => {
      await store().create(record('c1'), TTL);
      fresh.clock.advance(10);
      expect(await store().progress('c1', 'n1', { confirmedSeq: 5, sentSeq: 9 }, TTL)).toBe(true);
      expect(await store().get('c1')).toEqual({
        ...record('c1'),
        confirmedSeq: 5,
        sentSeq: 9,
        updatedAt: fresh.clock.now(),
      });
      expect(await store().progress('c1', 'n1', { confirmedSeq: 4, sentSeq: 12 }, TTL)).toBe(true);
      expect(await seqs('c1')).toEqual([5, 12]);
      expect(await store().progress('c1', 'n1', { confirmedSeq: 11 }, TTL)).toBe(true);
      expect(await store().progress('c1', 'n1', {}, TTL)).toBe(true);
      expect(await seqs('c1')).toEqual([11, 12]);
    });

    it('progress reported at once by several requests keeps the highest numbers', async () => {
      await store().create(record('c1'), TTL);
      const reports = [7, 20, 13, 4, 18].map((seq) => ({ confirmedSeq: seq, sentSeq: seq + 2 }));
      const results = await Promise.all(reports.map((report) => store().progress('c1', 'n1', report, TTL)));
      expect(results).toEqual(reports.map(() => true));
      expect(await seqs('c1')).toEqual([20, 22]);
    });

    it('only the holder records progress, and a refused one changes nothing', async () => {
      await store().create(record('c1'), 1_000);
      fresh.clock.advance(900);
      expect(await store().progress('c1', 'n2', { confirmedSeq: 9, sentSeq: 9 }, 1_000)).toBe(false);
      expect(await store().progress('nobody', 'n1', { sentSeq: 9 }, 1_000)).toBe(false);
      expect(await store().get('c1')).toEqual({ ...record('c1'), updatedAt: fresh.clock.now() - 900 });
      fresh.clock.advance(100);
      expect(await store().get('c1')).toBeUndefined();
    });

    it('claim makes a node the holder and tells which node held it', async () => {
      await store().create(record('c1', 'n1'), TTL);
      fresh.clock.advance(10);
      expect(await store().claim('c1', 'n2', TTL)).toEqual({
        ...record('c1', 'n1'),
        updatedAt: fresh.clock.now() - 10,
      });
      expect(await store().get('c1')).toEqual({ ...record('c1', 'n2'), updatedAt: fresh.clock.now() });
      expect(await store().progress('c1', 'n1', { sentSeq: 50 }, TTL)).toBe(false);
      expect(await store().progress('c1', 'n2', { sentSeq: 50 }, TTL)).toBe(true);
      expect(await seqs('c1')).toEqual([3, 50]);
      expect(await store().claim('nobody', 'n2', TTL)).toBeUndefined();
    });

    it('of several nodes claiming one session at once, exactly one takes it from its holder', async () => {
      await store().create(record('c1', 'n0'), TTL);
      const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
      const before = await Promise.all(nodes.map((nodeId) => store().claim('c1', nodeId, TTL)));
      const previous = before.map((session) => session?.nodeId);
      expect(previous.filter((nodeId) => nodeId === 'n0')).toHaveLength(1);
      // Each claim took it from the one before: the holders form one chain, ending with the holder now.
      const holder = (await store().get('c1'))?.nodeId;
      expect([...previous, holder].sort()).toEqual(['n0', ...nodes].sort());
    });

    it('deletes', async () => {
      await store().create(record('c1'), TTL);
      await store().create(record('c2'), TTL);
      expect(await store().delete('c1', 'n1')).toBe(true);
      expect(await store().delete('c1', 'n1')).toBe(false);
      expect(await store().get('c1')).toBeUndefined();
      expect(await store().progress('c1', 'n1', { sentSeq: 9 }, TTL)).toBe(false);
      expect(await store().claim('c1', 'n2', TTL)).toBeUndefined();
      expect((await store().get('c2'))?.clientId).toBe('c2');
      fresh.clock.advance(TTL);
      expect(await store().delete('c2', 'n1')).toBe(false);
    });

    it('deletes only for the node holding the session', async () => {
      await store().create(record('c1'), TTL);
      await store().claim('c1', 'n2', TTL);
      // n1 ends its copy after n2 adopted the session: the record stays n2's.
      expect(await store().delete('c1', 'n1')).toBe(false);
      expect(await store().holder('c1')).toBe('n2');
      expect(await store().delete('c1', 'n2')).toBe(true);
      expect(await store().get('c1')).toBeUndefined();
    });
  });
}
