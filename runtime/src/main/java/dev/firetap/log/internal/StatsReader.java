package dev.firetap.log.internal;

import dev.firetap.log.LogStats;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the per-level daily counts {@code <prefix>:stats:<yyyy-MM-dd>}, or in a cluster the sum of
 * each level's own hash (see {@link StreamKeys#statsKeys}).
 */
public final class StatsReader {
  private StatsReader() {}

  /** The counts of one UTC date; all zero for a date without events. */
  public static LogStats read(
      RedisClusterCommands<byte[], byte[]> commands, StreamKeys keys, LocalDate date) {
    Map<String, Long> counts = new HashMap<>();
    for (String key : keys.statsKeys(date)) {
      commands
          .hgetall(key.getBytes(StandardCharsets.UTF_8))
          .forEach(
              (field, value) ->
                  counts.merge(
                      new String(field, StandardCharsets.UTF_8),
                      Long.parseLong(new String(value, StandardCharsets.US_ASCII)),
                      Long::sum));
    }
    return new LogStats(
        date,
        counts.getOrDefault("debug", 0L),
        counts.getOrDefault("info", 0L),
        counts.getOrDefault("warn", 0L),
        counts.getOrDefault("error", 0L),
        counts.getOrDefault("total", 0L));
  }
}
