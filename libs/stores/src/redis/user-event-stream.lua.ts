import { luaScript } from './lua-script';

/**
 * A user's append, as one atomic step: the next number from the user's counter (which trimming never touches), the
 * entry `0-<seq>` in the user's stream (fields `at` and `event`, the JSON made in Node), trimming by count and then
 * by age, the stream's expiry, and the PUBLISH of `<seq>|<at>|<json>`. Age trimming drops the prefix of entries
 * older than `now - maxAgeMs`, as the memory stream does: entries are appended in time order, give or take the
 * nodes' clock skew. When the message names its origin, the user's origin mark (a hash of `origin` and `count`)
 * counts one more of the same origin or starts afresh at a new one, and expires like the stream. Returns the
 * sequence number.
 *
 * KEYS: stream, counter, origin mark. ARGV: now (ms), maxEntries, maxAgeMs, channel, event JSON, origin ('' for
 * none).
 */
export const appendUserEvent = luaScript<number>(
  `
local now = tonumber(ARGV[1])
local cutoff = now - tonumber(ARGV[3])
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], '0-' .. seq, 'at', ARGV[1], 'event', ARGV[5])

-- The oldest entry is usually fresh: look at it alone first, then in batches.
local function firstFresh()
  local start, size = '-', 1
  while true do
    local batch = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', size)
    for _, entry in ipairs(batch) do
      if tonumber(entry[2][2]) >= cutoff then return entry[1] end
    end
    if #batch < size then return nil end
    start, size = '(' .. batch[#batch][1], 16
  end
end

local keep = firstFresh()
if keep then redis.call('XTRIM', KEYS[1], 'MINID', keep) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])

if ARGV[6] ~= '' then
  if redis.call('HGET', KEYS[3], 'origin') == ARGV[6] then
    redis.call('HINCRBY', KEYS[3], 'count', 1)
  else
    redis.call('HSET', KEYS[3], 'origin', ARGV[6], 'count', 1)
  end
  redis.call('PEXPIRE', KEYS[3], ARGV[3])
end
redis.call('PUBLISH', ARGV[4], seq .. '|' .. ARGV[1] .. '|' .. ARGV[5])
return seq
`,
  3,
);
