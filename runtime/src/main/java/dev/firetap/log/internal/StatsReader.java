package dev.firetap.log.internal;

import dev.firetap.log.LogStats;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Reads the per-level daily counts {@code <prefix>:stats:<yyyy-MM-dd>}. */
public final class StatsReader {
  private StatsReader() {}

  /** The counts of one UTC date; all zero for a date without events. */
  public static LogStats read(
      RedisCommands<byte[], byte[]> commands, StreamKeys keys, LocalDate date) {
    Map<byte[], byte[]> hash =
        commands.hgetall(keys.statsKey(date).getBytes(StandardCharsets.UTF_8));
    Map<String, Long> counts = new HashMap<>();
    hash.forEach(
        (field, value) ->
            counts.put(
                new String(field, StandardCharsets.UTF_8),
                Long.parseLong(new String(value, StandardCharsets.US_ASCII))));
    return new LogStats(
        date,
        counts.getOrDefault("debug", 0L),
        counts.getOrDefault("info", 0L),
        counts.getOrDefault("warn", 0L),
        counts.getOrDefault("error", 0L),
        counts.getOrDefault("total", 0L));
  }
}
