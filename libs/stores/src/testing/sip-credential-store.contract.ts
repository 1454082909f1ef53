import type { SipCredentialStore } from '../sip-credential-store/sip-credential-store';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

/** Behaviour every SipCredentialStore must have; run it against each implementation. */
export function describeSipCredentialStoreContract(
  name: string,
  create: (clock: ManualClock) => Promise<SipCredentialStore>,
): void {
  describe(`SipCredentialStore contract: ${name}`, () => {
    const fresh = freshPerTest(create);
    const store = (): SipCredentialStore => fresh.subject;

    it('issues a credential that lives ttlMs', async () => {
      const issued = await store().issue('5001', 'u1', 'pw-a', 10_000);
      expect(issued).toEqual({ dn: '5001', userId: 'u1', password: 'pw-a', expiresAt: fresh.clock.now() + 10_000 });
      expect(await store().get('5001')).toEqual(issued);
      expect(await store().get('5002')).toBeUndefined();
      fresh.clock.advance(10_000);
      expect(await store().get('5001')).toBeUndefined();
    });

    it('keeps the password for the same user and moves the expiry', async () => {
      await store().issue('5001', 'u1', 'pw-a', 10_000);
      fresh.clock.advance(9_000);
      const again = await store().issue('5001', 'u1', 'pw-b', 10_000);
      expect(again.password).toBe('pw-a');
      fresh.clock.advance(9_000);
      expect((await store().get('5001'))?.password).toBe('pw-a');
    });

    it('gives a new password after expiry, and to another user', async () => {
      await store().issue('5001', 'u1', 'pw-a', 1_000);
      fresh.clock.advance(1_000);
      expect((await store().issue('5001', 'u1', 'pw-b', 1_000)).password).toBe('pw-b');
      const other = await store().issue('5001', 'u2', 'pw-c', 1_000);
      expect(other).toMatchObject({ userId: 'u2', password: 'pw-c' });
    });

    it("revokes only the holder's credential", async () => {
      await store().issue('5001', 'u1', 'pw-a', 10_000);
      expect(await store().revoke('5001', 'u2')).toBe(false);
      expect(await store().get('5001')).toBeDefined();
      expect(await store().revoke('5001', 'u1')).toBe(true);
      expect(await store().get('5001')).toBeUndefined();
      expect(await store().revoke('5001', 'u1')).toBe(false);
    });
  });
}
