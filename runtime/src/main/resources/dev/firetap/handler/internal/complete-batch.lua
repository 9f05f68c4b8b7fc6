-- Acknowledges a thread's finished entries and records its completed events in one atomic call
-- (CompletionBatch): XACK, then the completion records into the current bucket's hash, then the
-- documents' commit times into the current bucket's sorted set with ZADD GT, which raises a
-- document's time and never lowers it.
-- KEYS: the stream, the current completion hash, the current handled sorted set (one slot).
-- ARGV: the group, the buckets' expiry in epoch ms, the number of entry ids a, the a entry ids,
--       the number of completed event ids d, the d event ids, then (commit micros, path) pairs.

-- Lua's unpack takes a few thousand values at most: long lists go to Redis in slices (of an even
-- length, so that pairs stay whole).
local SLICE = 2000
local function sliced(values, send)
  for first = 1, #values, SLICE do
    send(unpack(values, first, math.min(first + SLICE - 1, #values)))
  end
end

local group = ARGV[1]
local expires = ARGV[2]
local a = tonumber(ARGV[3])
local acked = {}
for i = 1, a do
  acked[i] = ARGV[3 + i]
end
sliced(acked, function(...) redis.call('XACK', KEYS[1], group, ...) end)

local d = tonumber(ARGV[4 + a])
if d > 0 then
  local fields = {}
  for i = 1, d do
    fields[#fields + 1] = ARGV[4 + a + i]
    fields[#fields + 1] = '1'
  end
  sliced(fields, function(...) redis.call('HSET', KEYS[2], ...) end)
  redis.call('PEXPIREAT', KEYS[2], expires)
end

local first = 5 + a + d
if first <= #ARGV then
  local scores = {}
  for i = first, #ARGV do
    scores[#scores + 1] = ARGV[i]
  end
  sliced(scores, function(...) redis.call('ZADD', KEYS[3], 'GT', ...) end)
  redis.call('PEXPIREAT', KEYS[3], expires)
end
return a
