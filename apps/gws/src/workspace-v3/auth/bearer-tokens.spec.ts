import { BearerTokens } from './bearer-tokens';

const user = { userId: 'u1', userName: 'agent1', personDbid: 101 };

describe('BearerTokens', () => {
  let now = 1_000_000;
  const tokens = new BearerTokens(Buffer.alloc(32, 7), 60, () => now);

  it('checks what it issued until it expires, then refuses it as expired', () => {
    const token = tokens.issue(user, 'demo');
    expect(tokens.check(token)).toEqual({
      valid: true,
      claims: { ...user, clientId: 'demo', expiresAt: now + 60_000 },
    });
    now += 60_000;
    expect(tokens.check(token)).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a token signed with another key, or altered', () => {
    const other = new BearerTokens(Buffer.alloc(32, 8), 60, () => now);
    const token = other.issue(user, 'demo');
    expect(tokens.check(token)).toEqual({ valid: false, reason: 'forged' });
    const [body, signature] = tokens.issue(user, 'demo').split('.');
    const altered = Buffer.from(JSON.stringify({ sub: 'u2', usr: 'agent2', dbid: 102, cid: 'demo', exp: now + 1 }));
    expect(tokens.check(`${altered.toString('base64url')}.${signature}`)).toEqual({ valid: false, reason: 'forged' });
    expect(tokens.check(`${body}.${signature}`).valid).toBe(true);
  });

  it('refuses what is not a token', () => {
    for (const text of ['', 'abc', 'a.b.c', '.', `${Buffer.from('[]').toString('base64url')}.x`]) {
      expect(tokens.check(text)).toEqual({
        valid: false,
        reason: expect.stringMatching(/malformed|forged/) as unknown,
      });
    }
  });

  it('issues a different token each time', () => {
    expect(tokens.issue(user, 'demo')).not.toBe(tokens.issue(user, 'demo'));
  });
});
