package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Commit-to-handler latency at a steady rate, Firetap (capture, emitter, handler runtime) against a
 * raw XADD producer and a raw blocking XREADGROUP consumer, one after the other on an empty private
 * redis-server.
 */
final class LatencyFigures {
  /** The rate the goal is set at. */
  static final int GOAL_RATE = 1000;

  private static final double GOAL_P99_MILLIS = 5;
  private static final List<Integer> SIZES = List.of(0, 250_000, 500_000, 1_000_000);
  private static final double FLAT_GOAL = 1.25;

  private final RedisServer redis;
  private final RedisClient client;
  private final FiretapConfig config;
  private final Duration span;

  LatencyFigures(RedisServer redis, RedisClient client, FiretapConfig config, Duration span) {
    this.redis = redis;
    this.client = client;
    this.config = config;
    this.span = span;
  }

  /** Runs both sides for {@code warmUp}, untimed, at the rate of the goal. */
  void warmUp(Duration warmUp) throws InterruptedException {
    HandlerLatency bench = new HandlerLatency(config, GOAL_RATE);
    redis.flushAll();
    bench.raw(client, warmUp);
    redis.flushAll();
    bench.firetap("latency", warmUp);
  }

  /** Both sides at {@code perSecond} events per second for the span. */
  Figure atRate(int perSecond) throws Exception {
    HandlerLatency bench = new HandlerLatency(config, perSecond);
    redis.flushAll();
    long[] raw = bench.raw(client, span);
    redis.flushAll();
    long[] firetap = bench.firetap("latency", span);
    Figure figure = figure(perSecond, raw, firetap);
    if (!figure.missed()) {
      return figure;
    }
    redis.flushAll();
    return figure.withProfile(
        Profiles.record(figure.id(), () -> bench.firetap("latency", span.dividedBy(2))));
  }

  private Figure figure(int perSecond, long[] raw, long[] firetap) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventsPerSecond", perSecond);
    values.put("seconds", span.toSeconds());
    values.put("handlerMillis", millis(firetap));
    values.put("rawMillis", millis(raw));
    Figure figure =
        Figure.of(
            "handlers.latency." + perSecond,
            String.format(Locale.ROOT, "Commit-to-handler latency at %,d events/s", perSecond),
            "raw `XADD` → blocking `XREADGROUP`: " + HandlerBenchmark.percentiles(raw),
            HandlerBenchmark.percentiles(firetap),
            values);
    if (perSecond != GOAL_RATE) {
      return figure;
    }
    double p99 = Results.percentile(firetap, 0.99) / 1e6;
    return figure.withGoal("p99 ≤ " + (int) GOAL_P99_MILLIS + " ms", p99 <= GOAL_P99_MILLIS);
  }

  /** p50, p99, p99.9 and max of sorted nanoseconds, in milliseconds. */
  static Map<String, Object> millis(long[] sorted) {
    Map<String, Object> percentiles = new LinkedHashMap<>();
    percentiles.put("p50", Results.rounded(Results.percentile(sorted, 0.5) / 1e6));
    percentiles.put("p99", Results.rounded(Results.percentile(sorted, 0.99) / 1e6));
    percentiles.put("p99.9", Results.rounded(Results.percentile(sorted, 0.999) / 1e6));
    percentiles.put("max", Results.rounded(sorted[sorted.length - 1] / 1e6));
    return percentiles;
  }

  /**
   * Firetap's latency at {@link #GOAL_RATE} as the change stream grows to a million entries:
   * between measurements of half the span the stream is filled, untimed, with {@code
   * redis-benchmark} XADD of change events; each measurement uses a new handler whose consumer
   * group starts at the stream's end. With {@code capped} holding the default {@code
   * firetap.cdc.maxlen} of a million, the last measurement runs while the emitter trims the stream.
   */
  Figure growth(FiretapConfig capped) throws Exception {
    redis.flushAll();
    Duration step = span.dividedBy(2);
    HandlerLatency bench = new HandlerLatency(capped, GOAL_RATE);
    byte[] json = HandlerThroughput.event(0);
    List<Long> lengths = new ArrayList<>();
    List<long[]> samples = new ArrayList<>();
    for (int size : SIZES) {
      long length = length();
      if (size > length) {
        RedisBenchmarkXadd.rate(redis, HandlerThroughput.STREAM, (int) (size - length), json);
      }
      lengths.add(length());
      samples.add(bench.firetap("growth-" + size, step));
    }
    Figure figure = growthFigure(lengths, samples, step);
    if (!figure.missed()) {
      return figure;
    }
    return figure.withProfile(
        Profiles.record(figure.id(), () -> bench.firetap("growth-profile", step)));
  }

  private long length() {
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().xlen(HandlerThroughput.STREAM);
    }
  }

  private static Figure growthFigure(List<Long> lengths, List<long[]> samples, Duration step) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> results = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      values.put("entries" + lengths.get(i), millis(samples.get(i)));
      if (i > 0) {
        results.add(String.format(Locale.ROOT, "%,d: %s", lengths.get(i), p50p99(samples.get(i))));
      }
    }
    long first = Results.percentile(samples.get(0), 0.5);
    long last = Results.percentile(samples.get(samples.size() - 1), 0.5);
    double growth = (double) last / first;
    values.put("p50Growth", Results.rounded(growth));
    values.put("secondsPerSize", step.toSeconds());
    return Figure.of(
            "handlers.growth",
            "Commit-to-handler latency at 1,000 events/s as the stream grows to 1M entries",
            String.format(
                Locale.ROOT, "stream of %,d entries: %s", lengths.get(0), p50p99(samples.get(0))),
            String.join("; ", results),
            values)
        .withGoal(
            "flat: p50 at the largest ≤ " + FLAT_GOAL + " × at the smallest", growth <= FLAT_GOAL);
  }

  private static String p50p99(long[] sorted) {
    return "p50 "
        + Results.millis(Results.percentile(sorted, 0.5))
        + ", p99 "
        + Results.millis(Results.percentile(sorted, 0.99));
  }
}
