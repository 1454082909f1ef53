import { luaScript } from './lua-script';

/**
 * Issues a DN's SIP credential: keeps the password while the stored credential is the same user's and alive by the
 * caller's clock, else writes the new one; either way moves its expiry and Redis TTL. Returns the flat HGETALL.
 *
 * KEYS: the credential hash. ARGV: dn, userId, new password, now, expiresAt, ttl ms.
 */
export const issueSipCredential = luaScript<string[]>(
  `
local userId = redis.call('HGET', KEYS[1], 'userId')
local expiresAt = tonumber(redis.call('HGET', KEYS[1], 'expiresAt') or '0')
if userId ~= ARGV[2] or expiresAt <= tonumber(ARGV[4]) then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'dn', ARGV[1], 'userId', ARGV[2], 'password', ARGV[3])
end
redis.call('HSET', KEYS[1], 'expiresAt', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return redis.call('HGETALL', KEYS[1])
`,
  1,
);

/** Deletes the credential if it is the user's: 1, else 0. KEYS: the credential hash. ARGV: userId. */
export const revokeSipCredential = luaScript<0 | 1>(
  `
if redis.call('HGET', KEYS[1], 'userId') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`,
  1,
);
