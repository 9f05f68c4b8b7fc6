package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the handler runtime against its baselines, side by side in one run on one private
 * redis-server:
 *
 * <ul>
 *   <li>throughput: a {@code HandlerRuntime} with one no-op handler (threads 1, batch 100) draining
 *       a stream pre-filled with N change events until every one is acknowledged, divided by a
 *       plain Lettuce loop of XREADGROUP COUNT 100 + XACK on an identical stream (goal at least
 *       0.8); then the same with 1, 2 and 4 handler threads (goal: near-linear);
 *   <li>latency: commit to handler at 1,000 and 5,000 events/s, events captured with {@code
 *       ChangeCapture.capture}; baseline a raw XADD producer and a raw blocking XREADGROUP consumer
 *       (goal: p99 at most 5 ms at 1,000/s); then at 1,000/s as the stream grows to a million
 *       entries (goal: flat).
 * </ul>
 *
 * <p>Usage: {@code HandlerBenchmark [events per round] [rounds] [results file]}.
 *
 * @param events events per throughput round
 * @param rounds measured throughput rounds
 * @param latencySpan how long each latency measurement runs
 */
public record HandlerBenchmark(int events, int rounds, Duration latencySpan) implements Benchmark {
  private static final Duration LATENCY_WARM_UP = Duration.ofSeconds(3);

  /** The figures of the suite: drains long enough that starting the runtime is a small part. */
  public static HandlerBenchmark standard() {
    return new HandlerBenchmark(100_000, 3, Duration.ofSeconds(8));
  }

  public static void main(String[] args) throws Exception {
    HandlerBenchmark standard = standard();
    int events = args.length > 0 ? Integer.parseInt(args[0]) : standard.events();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : standard.rounds();
    Path results = Path.of(args.length > 2 ? args[2] : "benchmarks/results/handlers.json");
    Benchmark.runAlone(new HandlerBenchmark(events, rounds, standard.latencySpan()), results);
  }

  @Override
  public String name() {
    return "handlers";
  }

  @Override
  public List<Figure> run() throws Exception {
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    List<Figure> figures = new ArrayList<>();
    try (RedisServer redis = RedisServer.start()) {
      FiretapConfig config = config(redis, spool, "1000000000");
      RedisClient client = RedisClient.create(redis.url());
      try {
        ThroughputFigures throughput =
            new ThroughputFigures(redis, client, new HandlerThroughput(config, events));
        figures.add(throughput.ratio(rounds));
        figures.add(throughput.scaling(rounds));
        figures.add(throughput.completionRecords());
        LatencyFigures latency = new LatencyFigures(redis, client, config, latencySpan);
        latency.warmUp(LATENCY_WARM_UP);
        figures.add(latency.atRate(1000));
        figures.add(latency.atRate(5000));
        // The stream grows to the default cap of change streams, where trimming begins.
        FiretapConfig capped = config(redis, spool, "1000000");
        figures.add(latency.growth(capped));
      } finally {
        client.shutdown();
      }
    }
    return figures;
  }

  private static FiretapConfig config(RedisServer redis, Path spool, String cdcMaxLength) {
    return TestConfigs.forRedis(
        redis,
        spool,
        "firetap.service",
        "bench",
        "firetap.redis.timeout",
        "5s",
        "firetap.cdc.maxlen",
        cdcMaxLength,
        "firetap.errors.enabled",
        "false");
  }

  /** {@code p50 0.36 ms, p99 28.4 ms, p99.9 47.3 ms}. */
  static String percentiles(long[] sorted) {
    return String.format(
        Locale.ROOT,
        "p50 %s, p99 %s, p99.9 %s",
        Results.millis(Results.percentile(sorted, 0.5)),
        Results.millis(Results.percentile(sorted, 0.99)),
        Results.millis(Results.percentile(sorted, 0.999)));
  }
}
