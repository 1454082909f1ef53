import { luaScript } from './lua-script';

/**
 * The DN map's writes, each one script over keys of the one `{dnmap}` slot, so that a row, its indexes and the
 * change published on the channel always agree. Every write publishes the whole row (a JSON object of its hash
 * fields) and returns it as the flat HGETALL array. A row is a hash `dn`, `updatedAt`, `registration`, and the
 * ownership (`userId`, `userName`, `placeName`, `agentId`, `nodeId`) and endpoint (`sipEndpoint`) columns it has.
 */
const publishRow = `
local function publishRow(key, channel)
  local flat = redis.call('HGETALL', key)
  local row = {}
  for i = 1, #flat, 2 do row[flat[i]] = flat[i + 1] end
  redis.call('PUBLISH', channel, cjson.encode(row))
  return flat
end
`;

/**
 * Gives the DN to a user unless another holds it: `{0, heldBy}` (their userName, else userId) or `{1, row}`.
 *
 * KEYS: row, all DNs, the user's DNs. ARGV: dn, now, channel, userId, then the owner's columns as field, value pairs.
 */
export const assignDn = luaScript<[0, string] | [1, string[]]>(
  `${publishRow}
local holder = redis.call('HGET', KEYS[1], 'userId')
if holder and holder ~= ARGV[4] then
  return {0, redis.call('HGET', KEYS[1], 'userName') or holder}
end
redis.call('HDEL', KEYS[1], 'userName', 'placeName', 'agentId', 'nodeId')
redis.call('HSET', KEYS[1], 'dn', ARGV[1], 'updatedAt', ARGV[2], unpack(ARGV, 5))
redis.call('HSETNX', KEYS[1], 'registration', 'unknown')
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return {1, publishRow(KEYS[1], ARGV[3])}
`,
  3,
);

/**
 * Frees the DN if the user holds it, keeping the endpoint columns: 1, or 0 when not held by that user.
 *
 * KEYS: row, the user's DNs. ARGV: dn, now, channel, userId.
 */
export const releaseDn = luaScript<0 | 1>(
  `${publishRow}
if redis.call('HGET', KEYS[1], 'userId') ~= ARGV[4] then return 0 end
redis.call('HDEL', KEYS[1], 'userId', 'userName', 'placeName', 'agentId', 'nodeId')
redis.call('HSET', KEYS[1], 'dn', ARGV[1], 'updatedAt', ARGV[2])
redis.call('SREM', KEYS[2], ARGV[1])
publishRow(KEYS[1], ARGV[3])
return 1
`,
  2,
);

/**
 * Sets the endpoint columns given (the gateway's write), creating the row if needed.
 *
 * KEYS: row, all DNs. ARGV: dn, now, channel, then the endpoint columns as field, value pairs.
 */
export const setDnEndpoint = luaScript<string[]>(
  `${publishRow}
redis.call('HSET', KEYS[1], 'dn', ARGV[1], 'updatedAt', ARGV[2], unpack(ARGV, 4))
redis.call('SADD', KEYS[2], ARGV[1])
return publishRow(KEYS[1], ARGV[3])
`,
  2,
);

/**
 * Moves the DN to another node if the user holds it from the node named: 1, or 0 when it does not.
 *
 * KEYS: row. ARGV: dn, now, channel, userId, from node, to node.
 */
export const transferDn = luaScript<0 | 1>(
  `${publishRow}
local held = redis.call('HMGET', KEYS[1], 'userId', 'nodeId')
if held[1] ~= ARGV[4] or held[2] ~= ARGV[5] then return 0 end
redis.call('HSET', KEYS[1], 'nodeId', ARGV[6], 'updatedAt', ARGV[2])
publishRow(KEYS[1], ARGV[3])
return 1
`,
  1,
);

/**
 * The rows of the DNs in a set (all DNs, or a user's), read at one instant: an array of flat HGETALL arrays.
 *
 * KEYS: the set. ARGV: the row key without the DN.
 */
export const dnRowsOf = luaScript<string[][]>(
  `
local rows = {}
for _, dn in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local row = redis.call('HGETALL', ARGV[1] .. dn)
  if #row > 0 then rows[#rows + 1] = row end
end
return rows
`,
  1,
  true,
);
