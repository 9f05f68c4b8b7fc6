-- What Redis holds about a batch of events, read in one call (CompletionRecords.lookUp).
-- KEYS: the completion hashes of every live bucket, then the handled sorted sets of the same
--       buckets, in the same order (all of one stream: one slot in a cluster).
-- ARGV: the number of event ids k, the k event ids, then the document paths.
-- Reply: { the 1-based positions of the ids that some bucket records as done,
--          pairs of (1-based position of a path, its latest handled commit time in microseconds) }.

-- Lua's unpack takes a few thousand values at most: long lists go to Redis in slices.
local SLICE = 2000
local function sliced(command, key, values)
  local replies = {}
  for first = 1, #values, SLICE do
    local last = math.min(first + SLICE - 1, #values)
    local part = redis.call(command, key, unpack(values, first, last))
    for i = 1, #part do
      replies[first + i - 1] = part[i]
    end
  end
  return replies
end

local buckets = #KEYS / 2
local k = tonumber(ARGV[1])
local ids = {}
for i = 1, k do
  ids[i] = ARGV[1 + i]
end
local paths = {}
for i = k + 2, #ARGV do
  paths[#paths + 1] = ARGV[i]
end

local done = {}
local found = {}
for b = 1, buckets do
  if redis.call('EXISTS', KEYS[b]) == 1 then
    local records = sliced('HMGET', KEYS[b], ids)
    for i = 1, k do
      if records[i] and not found[i] then
        found[i] = true
        done[#done + 1] = i
      end
    end
  end
end

local handled = {}
if #paths > 0 then
  local latest = {}
  for b = 1, buckets do
    local key = KEYS[buckets + b]
    if redis.call('EXISTS', key) == 1 then
      local scores = sliced('ZMSCORE', key, paths)
      for i = 1, #paths do
        if scores[i] then
          local micros = tonumber(scores[i])
          if latest[i] == nil or micros > latest[i] then
            latest[i] = micros
          end
        end
      end
    end
  end
  for i = 1, #paths do
    if latest[i] then
      handled[#handled + 1] = i
      handled[#handled + 1] = string.format('%d', latest[i])
    end
  end
end
return { done, handled }
