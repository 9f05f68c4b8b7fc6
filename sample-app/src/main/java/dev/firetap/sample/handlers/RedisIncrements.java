package dev.firetap.sample.handlers;

import dev.firetap.sample.SampleKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Counter and score increments of one event, applied at most once per handler: one script sets the
 * marker {@link SampleKeys#applied} and makes the increments only when the marker was not there. So
 * an event that runs again — after a crash between the increments and Firetap's completion record,
 * or replayed after the completion record expired — counts once.
 */
final class RedisIncrements {
  /** How long a marker is kept: far beyond the worker's dedupe retention, so replays stay safe. */
  static final Duration MARKER_RETENTION = Duration.ofDays(30);

  // KEYS[1] the marker, KEYS[2..n] the counters; ARGV[1] the marker's lifetime in milliseconds,
  // then per counter: 'hash' or 'zset', the field or member, the increment.
  private static final String SCRIPT =
      """
      if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
        return 0
      end
      for i = 2, #KEYS do
        local base = 2 + (i - 2) * 3
        if ARGV[base] == 'hash' then
          redis.call('HINCRBY', KEYS[i], ARGV[base + 1], ARGV[base + 2])
        else
          redis.call('ZINCRBY', KEYS[i], ARGV[base + 2], ARGV[base + 1])
        end
      end
      return 1
      """;

  private final List<String> keys = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();

  /** Adds {@code delta} to the field {@code field} of the hash {@code key}. */
  RedisIncrements hash(String key, String field, long delta) {
    return add(key, "hash", field, delta);
  }

  /** Adds {@code delta} to the score of {@code member} in the sorted set {@code key}. */
  RedisIncrements sortedSet(String key, String member, long delta) {
    return add(key, "zset", member, delta);
  }

  private RedisIncrements add(String key, String type, String member, long delta) {
    keys.add(key);
    arguments.add(type);
    arguments.add(member);
    arguments.add(Long.toString(delta));
    return this;
  }

  /**
   * Makes the increments unless {@code handlerId} made them for {@code eventId} before.
   *
   * @return true when they were made now
   */
  boolean applyOnce(RedisCommands<String, String> redis, String handlerId, String eventId) {
    List<String> allKeys = new ArrayList<>();
    allKeys.add(SampleKeys.applied(handlerId, eventId));
    allKeys.addAll(keys);
    List<String> allArguments = new ArrayList<>();
    allArguments.add(Long.toString(MARKER_RETENTION.toMillis()));
    allArguments.addAll(arguments);
    Long applied =
        redis.eval(
            SCRIPT,
            ScriptOutputType.INTEGER,
            allKeys.toArray(new String[0]),
            allArguments.toArray(new String[0]));
    return applied == 1L;
  }
}
