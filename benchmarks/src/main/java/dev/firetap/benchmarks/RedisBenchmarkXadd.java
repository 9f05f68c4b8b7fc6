package dev.firetap.benchmarks;

import dev.firetap.testing.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code redis-benchmark -P 64 XADD}: the fastest way to add entries to a stream, as a baseline and
 * to fill streams.
 */
final class RedisBenchmarkXadd {
  private static final Pattern REQUESTS_PER_SECOND =
      Pattern.compile("([0-9.]+) requests per second");

  private RedisBenchmarkXadd() {}

  /**
   * Adds {@code count} entries with one field {@code event} holding {@code json} to {@code stream},
   * 64 commands per round trip, and returns the entries per second redis-benchmark reports.
   */
  static double rate(RedisServer redis, String stream, int count, byte[] json)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            "redis-benchmark",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(redis.port()),
            "-P",
            "64",
            "-n",
            Integer.toString(count),
            "-q",
            "XADD",
            stream,
            "*",
            "event",
            new String(json, StandardCharsets.UTF_8));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("redis-benchmark failed: " + output);
    }
    Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    if (last == null) {
      throw new IllegalStateException("redis-benchmark printed no rate: " + output);
    }
    return Double.parseDouble(last);
  }
}
