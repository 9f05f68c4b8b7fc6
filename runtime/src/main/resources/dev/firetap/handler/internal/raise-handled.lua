-- Records that a handler finished changes of documents: raises each document's handled commit time
-- in the hash of the current time bucket, never lowers it, so that an older change arriving later
-- can be flagged stale. Pairs are applied in order, so a document may appear more than once.
--
-- KEYS[1]: the bucket's hash <prefix>:handled:<handlerId>:<bucket>
-- ARGV[1]: when the hash expires, in epoch milliseconds
-- ARGV[2], ARGV[3], ...: pairs of document path and commit time in microseconds
-- Returns how many times were raised.
local raised = 0
for i = 2, #ARGV, 2 do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
  if tonumber(ARGV[i + 1]) > current then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    raised = raised + 1
  end
end
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
return raised
