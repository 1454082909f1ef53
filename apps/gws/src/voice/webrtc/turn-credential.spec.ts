import { createHmac } from 'node:crypto';
import { turnCredential } from './turn-credential';

describe('turnCredential', () => {
  it('is <expiry>:<userId> and the base64 HMAC-SHA1 of it, as coturn use-auth-secret recomputes it', () => {
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    const made = turnCredential('shared-secret-of-coturn', 'u42', 3_600_000, now);
    expect(made.username).toBe(`${now / 1000 + 3600}:u42`);
    const expected = createHmac('sha1', 'shared-secret-of-coturn').update(made.username).digest('base64');
    expect(made.credential).toBe(expected);
    // RFC 5389 long-term credential: 20 bytes of HMAC-SHA1, base64.
    expect(Buffer.from(made.credential, 'base64')).toHaveLength(20);
  });
});
