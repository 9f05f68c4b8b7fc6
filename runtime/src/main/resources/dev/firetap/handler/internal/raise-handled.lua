-- Records that a handler finished a change of one document: raises the document's handled commit
-- time, never lowers it, so that an older change arriving later can be flagged stale. The hash lives
-- as long as the dedupe retention after its last update.
--
-- KEYS[1]: the handler's hash <prefix>:handled:<handlerId>
-- ARGV: document path, commit time in microseconds, retention in milliseconds
-- Returns 1 when the time was raised, 0 when a later one was already recorded.
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
local raised = 0
if tonumber(ARGV[2]) > current then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  raised = 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return raised
