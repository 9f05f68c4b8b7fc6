package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the handler runtime against its baselines, side by side in one run on one private
 * redis-server:
 *
 * <ul>
 *   <li>throughput: a {@code HandlerRuntime} with one no-op handler (threads 1, batch 100) draining
 *       a stream pre-filled with N change events until every one is acknowledged, divided by a
 *       plain Lettuce loop of XREADGROUP COUNT 100 + XACK on an identical stream (goal at least
 *       0.8);
 *   <li>latency: commit to handler at 1,000 events/s for 20 s, events captured with {@code
 *       ChangeCapture.capture}; baseline a raw XADD producer and a raw blocking XREADGROUP consumer
 *       (goal: p99 at most 5 ms).
 * </ul>
 *
 * <p>Usage: {@code HandlerBenchmark [events per round] [rounds] [results file]}.
 */
public final class HandlerBenchmark {
  private static final int WARM_UP_PASSES = 2;
  private static final int EVENTS_PER_SECOND = 1000;
  private static final Duration LATENCY_SPAN = Duration.ofSeconds(20);
  private static final Duration LATENCY_WARM_UP = Duration.ofSeconds(5);

  private HandlerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path results = Path.of(args.length > 2 ? args[2] : "benchmarks/results/handlers.json");
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    Map<String, Object> figures = new LinkedHashMap<>();

    try (RedisServer redis = RedisServer.start()) {
      FiretapConfig config = config(redis, spool);
      RedisClient client = RedisClient.create(redis.url());
      try {
        throughput(redis, client, new HandlerThroughput(config, events), rounds, figures);
        latency(redis, client, new HandlerLatency(config, EVENTS_PER_SECOND), figures);
      } finally {
        client.shutdown();
      }
    }
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("java", System.getProperty("java.version"));
    Results.write(results, figures);
  }

  private static void throughput(
      RedisServer redis,
      RedisClient client,
      HandlerThroughput bench,
      int rounds,
      Map<String, Object> figures)
      throws InterruptedException {
    // Untimed passes of each side, so that neither is measured while the JIT or Redis warms up.
    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      raw(redis, client, bench);
      firetap(redis, client, bench);
    }
    List<Double> raws = new ArrayList<>();
    List<Double> firetaps = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      raws.add(raw(redis, client, bench));
      firetaps.add(firetap(redis, client, bench));
      ratios.add(firetaps.get(round - 1) / raws.get(round - 1));
      System.out.printf(
          Locale.ROOT,
          "round %d: raw XREADGROUP+XACK %.0f/s, handler runtime %.0f/s%n",
          round,
          raws.get(round - 1),
          firetaps.get(round - 1));
    }
    double ratio = Results.median(ratios);
    System.out.printf(
        Locale.ROOT,
        "%nNo-op handler throughput, %d-byte change events: %.0f/s; raw loop: %.0f/s (medians);"
            + " median ratio of the rounds %.2f (goal >= 0.80: %s)%n",
        bench.eventBytes(),
        Results.median(firetaps),
        Results.median(raws),
        ratio,
        ratio >= 0.8 ? "met" : "MISSED");
    figures.put("eventBytes", bench.eventBytes());
    figures.put("eventsPerRound", bench.size());
    figures.put("rounds", rounds);
    figures.put("rawPerSecond", Math.round(Results.median(raws)));
    figures.put("handlerPerSecond", Math.round(Results.median(firetaps)));
    figures.put("throughputRatio", Results.rounded(ratio));
    figures.put("roundRatios", ratios.stream().map(Results::rounded).toList());
  }

  private static double raw(RedisServer redis, RedisClient client, HandlerThroughput bench) {
    redis.flushAll();
    bench.fill(client);
    return bench.raw(client);
  }

  private static double firetap(RedisServer redis, RedisClient client, HandlerThroughput bench)
      throws InterruptedException {
    redis.flushAll();
    bench.fill(client);
    return bench.firetap();
  }

  private static void latency(
      RedisServer redis, RedisClient client, HandlerLatency bench, Map<String, Object> figures)
      throws InterruptedException {
    redis.flushAll();
    bench.raw(client, LATENCY_WARM_UP);
    bench.firetap(LATENCY_WARM_UP);
    redis.flushAll();
    long[] raw = bench.raw(client, LATENCY_SPAN);
    redis.flushAll();
    long[] firetap = bench.firetap(LATENCY_SPAN);
    double p99 = percentileMillis(firetap, 0.99);
    System.out.printf(
        Locale.ROOT,
        "Commit to handler at %d events/s for %d s: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms"
            + " (goal p99 <= 5 ms: %s); raw XADD to XREADGROUP: p50 %.3f ms, p99 %.3f ms,"
            + " p99.9 %.3f ms%n",
        EVENTS_PER_SECOND,
        LATENCY_SPAN.toSeconds(),
        percentileMillis(firetap, 0.5),
        p99,
        percentileMillis(firetap, 0.999),
        p99 <= 5 ? "met" : "MISSED",
        percentileMillis(raw, 0.5),
        percentileMillis(raw, 0.99),
        percentileMillis(raw, 0.999));
    figures.put("latencyEventsPerSecond", EVENTS_PER_SECOND);
    figures.put("latencySeconds", LATENCY_SPAN.toSeconds());
    figures.put("handlerLatencyMillis", percentiles(firetap));
    figures.put("rawLatencyMillis", percentiles(raw));
  }

  private static Map<String, Double> percentiles(long[] sorted) {
    Map<String, Double> percentiles = new LinkedHashMap<>();
    percentiles.put("p50", Results.rounded(percentileMillis(sorted, 0.5)));
    percentiles.put("p99", Results.rounded(percentileMillis(sorted, 0.99)));
    percentiles.put("p99.9", Results.rounded(percentileMillis(sorted, 0.999)));
    percentiles.put("max", Results.rounded(sorted[sorted.length - 1] / 1e6));
    return percentiles;
  }

  private static double percentileMillis(long[] sorted, double fraction) {
    int index = Math.min(sorted.length - 1, (int) (sorted.length * fraction));
    return sorted[index] / 1e6;
  }

  private static FiretapConfig config(RedisServer redis, Path spool) {
    return TestConfigs.forRedis(
        redis,
        spool,
        "firetap.service",
        "bench",
        "firetap.redis.timeout",
        "5s",
        "firetap.cdc.maxlen",
        "1000000000",
        "firetap.errors.enabled",
        "false");
  }
}
