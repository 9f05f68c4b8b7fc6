#!lua
-- Writes one batch of events atomically and idempotently.
--
-- The batch comes in groups: consecutive events of one producer for one stream (and one daily
-- counter), numbered with that producer's consecutive sequence numbers for that stream. A producer's
-- events reach a stream in sequence order, so an event whose number is not above the last one recorded
-- for (stream, producer) was already written by an earlier attempt (a reply lost on a broken
-- connection, a spooled batch sent again after a crash) and is skipped. The whole batch applies or
-- nothing does; when Redis is out of memory it refuses the script before it starts, because the script
-- is not flagged allow-oom.
--
-- A sender may have a second batch in flight before the first is answered. That second batch is sent
-- with may-follow-gap 0: if the first numbers of a stream in it do not directly follow the last ones
-- written, an earlier batch was not written, and this one is refused whole with an error starting
-- GAP, so that it can never overtake the earlier one. The sender sends it again after the earlier one.
--
-- ARGV: group count, stats ttl seconds, sequence ttl seconds, may-follow-gap (1 or 0), then per group:
--   stream key index, sequence key index, stats key index (0: none), stats field, channel ('': none),
--   maxlen, first sequence number, event count, then the events' JSON
-- Returns the number of events written.
local groups = tonumber(ARGV[1])
local statsTtl = ARGV[2]
local sequenceTtl = ARGV[3]
local mayFollowGap = ARGV[4] == '1'
local last = {}
local counts = {}
local written = 0

-- A script is atomic but has no rollback: a command refused half way (an ACL without one of the
-- commands, a key of the wrong type) would leave the entries already added, and the retry would add
-- them again. So every write goes through write(), which undoes this call's entries and counts
-- before failing. Publications cannot be taken back; subscribers are at most once anyway.
local added = {}
local incremented = {}
local function undo()
  for i = #added, 1, -1 do
    redis.pcall('XDEL', added[i][1], added[i][2])
  end
  for i = #incremented, 1, -1 do
    redis.pcall('HINCRBY', incremented[i][1], incremented[i][2], -incremented[i][3])
  end
end
local function write(...)
  local reply = redis.pcall(...)
  if type(reply) == 'table' and reply.err then
    undo()
    error(reply)
  end
  return reply
end

if not mayFollowGap then
  local a = 5
  for _ = 1, groups do
    local sequenceKey = KEYS[tonumber(ARGV[a + 1])]
    if last[sequenceKey] == nil then
      local previous = tonumber(redis.call('GET', sequenceKey) or '0')
      if tonumber(ARGV[a + 6]) > previous + 1 then
        return redis.error_reply('GAP ' .. sequenceKey .. ' is at ' .. previous .. ', batch starts at '
          .. ARGV[a + 6])
      end
      last[sequenceKey] = previous
    end
    a = a + 8 + tonumber(ARGV[a + 7])
  end
end

local a = 5
for _ = 1, groups do
  local stream = KEYS[tonumber(ARGV[a])]
  local sequenceKey = KEYS[tonumber(ARGV[a + 1])]
  local statsIndex = tonumber(ARGV[a + 2])
  local statsField = ARGV[a + 3]
  local channel = ARGV[a + 4]
  local maxLen = ARGV[a + 5]
  local first = tonumber(ARGV[a + 6])
  local count = tonumber(ARGV[a + 7])
  a = a + 8
  local previous = last[sequenceKey]
  if previous == nil then
    previous = tonumber(redis.call('GET', sequenceKey) or '0')
  end
  local skip = previous - first + 1
  if skip < 0 then
    skip = 0
  end
  for i = a + skip, a + count - 1 do
    added[#added + 1] = { stream, write('XADD', stream, '*', 'event', ARGV[i]) }
    if channel ~= '' then
      write('PUBLISH', channel, ARGV[i])
    end
  end
  a = a + count
  if count > skip then
    -- One approximate trim per group costs less than a MAXLEN on every XADD, with the same effect.
    write('XTRIM', stream, 'MAXLEN', '~', maxLen)
    written = written + count - skip
    if statsIndex > 0 then
      local perKey = counts[statsIndex] or {}
      counts[statsIndex] = perKey
      perKey[statsField] = (perKey[statsField] or 0) + count - skip
    end
    previous = first + count - 1
  end
  last[sequenceKey] = previous
end
for sequenceKey, sequence in pairs(last) do
  write('SET', sequenceKey, string.format('%d', sequence), 'EX', sequenceTtl)
end
for statsIndex, perKey in pairs(counts) do
  local total = 0
  for field, n in pairs(perKey) do
    write('HINCRBY', KEYS[statsIndex], field, n)
    incremented[#incremented + 1] = { KEYS[statsIndex], field, n }
    total = total + n
  end
  write('HINCRBY', KEYS[statsIndex], 'total', total)
  incremented[#incremented + 1] = { KEYS[statsIndex], 'total', total }
  write('EXPIRE', KEYS[statsIndex], statsTtl)
end
return written
