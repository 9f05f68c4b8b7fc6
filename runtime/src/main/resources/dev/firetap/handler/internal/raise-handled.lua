-- Records that a handler finished changes of documents: raises each document's handled commit time,
-- never lowers it, so that an older change arriving later can be flagged stale. Pairs are applied in
-- order, so a document may appear more than once. The hash lives as long as the dedupe retention
-- after its last update.
--
-- KEYS[1]: the handler's hash <prefix>:handled:<handlerId>
-- ARGV[1]: retention in milliseconds
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
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return raised
