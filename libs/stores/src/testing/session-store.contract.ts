import type { SessionStore, StoredSession } from '../session-store/session-store';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

/** Behaviour every SessionStore must have; run it against each implementation. */
export function describeSessionStoreContract(
  name: string,
  create: (clock: ManualClock) => Promise<SessionStore>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    const fresh = freshPerTest(create);
    const store = (): SessionStore => fresh.subject;

    const session = (id: string, userId = 'u1', ttlMs = 60_000): StoredSession => ({
      id,
      userId,
      userName: `name-${userId}`,
      csrfToken: `csrf-${id}`,
      createdAt: fresh.clock.now(),
      expiresAt: fresh.clock.now() + ttlMs,
      data: { personDbid: 101, channels: ['voice'] },
    });

    it('returns what was stored', async () => {
      await store().create(session('s1'));
      expect(await store().get('s1')).toEqual(session('s1'));
      expect(await store().get('nope')).toBeUndefined();
    });

    it('forgets a session once it expires, and touch keeps it alive', async () => {
      await store().create(session('s1', 'u1', 1000));
      await store().create(session('s2', 'u1', 1000));
      fresh.clock.advance(900);
      expect(await store().touch('s2', fresh.clock.now() + 1000)).toBe(true);
      fresh.clock.advance(200);
      expect(await store().get('s1')).toBeUndefined();
      expect(await store().touch('s1', fresh.clock.now() + 1000)).toBe(false);
      expect((await store().get('s2'))?.id).toBe('s2');
    });

    it('lists the live sessions of one user only', async () => {
      await store().create(session('a1', 'alice'));
      await store().create(session('a2', 'alice', 10));
      await store().create(session('b1', 'bob'));
      fresh.clock.advance(20);
      expect((await store().listByUser('alice')).map((entry) => entry.id)).toEqual(['a1']);
      expect(await store().listByUser('carol')).toEqual([]);
    });

    it('sweeps expired sessions, and only those', async () => {
      await store().create(session('s1', 'u1', 1000));
      await store().create(session('s2', 'u2', 1000));
      await store().create(session('s3', 'u1', 5000));
      fresh.clock.advance(1000);
      expect(await store().sweepExpired()).toBe(2);
      expect(await store().sweepExpired()).toBe(0);
      expect((await store().listByUser('u1')).map((entry) => entry.id)).toEqual(['s3']);
      expect(await store().listByUser('u2')).toEqual([]);
    });

    it('replaces data and deletes', async () => {
      await store().create(session('s1'));
      expect(await store().update('s1', { contactCenter: true })).toBe(true);
      expect((await store().get('s1'))?.data).toEqual({ contactCenter: true });
      expect(await store().delete('s1')).toBe(true);
      expect(await store().delete('s1')).toBe(false);
      expect(await store().get('s1')).toBeUndefined();
      expect(await store().update('s1', {})).toBe(false);
      expect(await store().listByUser('u1')).toEqual([]);
    });
  });
}
