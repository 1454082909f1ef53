import type {
  LoginAdmission,
  LoginAttempt,
  LoginThrottle,
  LoginThrottleLimits,
} from '../login-throttle/login-throttle';
import { freshPerTest } from './fresh-per-test';
import type { ManualClock } from './manual-clock';

const LIMITS: LoginThrottleLimits = { userFailureLimit: 3, addressFailureLimit: 5, lockoutMs: 60_000 };

/** Behaviour every LoginThrottle must have; run it against each implementation (one fresh throttle per case). */
export function describeLoginThrottleContract(
  name: string,
  create: (clock: ManualClock, limits: LoginThrottleLimits) => Promise<LoginThrottle>,
): void {
  describe(`LoginThrottle contract: ${name}`, () => {
    const fresh = freshPerTest((clock) => create(clock, LIMITS));
    const throttle = (): LoginThrottle => fresh.subject;

    const admitted = async (user: string, address = '10.0.0.1'): Promise<LoginAttempt> => {
      const admission = await throttle().admit(user, address);
      if (!admission.admitted) throw new Error(`${user} from ${address} was not admitted`);
      return admission.attempt;
    };
    const refusal = async (user: string, address = '10.0.0.1', reason = 'locked'): Promise<number> => {
      const admission: LoginAdmission = await throttle().admit(user, address);
      if (admission.admitted) throw new Error(`${user} from ${address} was admitted`);
      expect(admission.reason).toBe(reason);
      return admission.retryAfterMs;
    };

    it('locks a user name after its limit of failures, for the lockout', async () => {
      for (let i = 0; i < LIMITS.userFailureLimit; i++) await (await admitted('alice')).failed();
      expect(await refusal('alice')).toBe(LIMITS.lockoutMs);
      expect(await refusal('ALICE', '10.9.9.9')).toBe(LIMITS.lockoutMs);
      fresh.clock.advance(LIMITS.lockoutMs - 1);
      expect(await refusal('alice')).toBe(1);
      fresh.clock.advance(1);
      await (await admitted('alice')).succeeded();
    });

    it('counts logins still being checked, so parallel guesses get only the limit checked', async () => {
      const admissions = await Promise.all(Array.from({ length: 10 }, () => throttle().admit('bob', '10.0.0.2')));
      const attempts = admissions.flatMap((admission) => (admission.admitted ? [admission.attempt] : []));
      expect(attempts).toHaveLength(LIMITS.userFailureLimit);
      expect(admissions.filter((admission) => !admission.admitted && admission.reason === 'busy')).toHaveLength(7);
      await Promise.all(attempts.map((attempt) => attempt.failed()));
      expect(await refusal('bob', '10.0.0.2')).toBe(LIMITS.lockoutMs);
    });

    it('frees the slot of a login that ended well or learned nothing', async () => {
      const first = await admitted('carol');
      const second = await admitted('carol');
      const third = await admitted('carol');
      expect(await refusal('carol', '10.0.0.1', 'busy')).toBeGreaterThan(0);
      await first.abandoned();
      const fourth = await admitted('carol');
      await second.succeeded();
      await fourth.succeeded();
      await third.abandoned();
      await (await admitted('carol')).failed();
      // Ending an attempt twice counts once.
      await first.failed();
      await (await admitted('carol')).failed();
      await admitted('carol');
    });

    it('a good password clears the user count but not the address count', async () => {
      for (let i = 0; i < LIMITS.userFailureLimit - 1; i++) await (await admitted('dave', '10.0.0.3')).failed();
      await (await admitted('dave', '10.0.0.3')).succeeded();
      for (let i = 0; i < LIMITS.userFailureLimit - 1; i++) await (await admitted('dave', '10.0.0.3')).failed();
      await (await admitted('erin', '10.0.0.3')).failed();
      // 2 + 2 + 1 failures from this address reach its limit of 5, whatever the user name.
      expect(await refusal('frank', '10.0.0.3')).toBe(LIMITS.lockoutMs);
      await (await admitted('frank', '10.0.0.4')).succeeded();
    });

    it('forgets failures older than the window', async () => {
      for (let i = 0; i < LIMITS.userFailureLimit - 1; i++) await (await admitted('gina')).failed();
      fresh.clock.advance(LIMITS.lockoutMs + 1);
      for (let i = 0; i < LIMITS.userFailureLimit - 1; i++) await (await admitted('gina')).failed();
      await admitted('gina');
    });
  });
}
