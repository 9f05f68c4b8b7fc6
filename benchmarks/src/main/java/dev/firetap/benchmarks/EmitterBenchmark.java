package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.emit.internal.RedisEmitter;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.redis.RedisConnector;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the emitter against its baseline, side by side in one run on one private redis-server:
 *
 * <ul>
 *   <li>throughput: events of 500 bytes per second from {@code emit} to Redis, divided by what
 *       {@code redis-benchmark -P 64} achieves with XADD of the same 500 bytes (goal at least 0.7);
 *   <li>hand-over: the time one {@code emit} call takes on the caller's thread, at a steady 100,000
 *       events per second (goal: median at most 1 µs).
 * </ul>
 *
 * <p>Usage: {@code EmitterBenchmark [events per round] [rounds] [results file]}.
 *
 * @param events events per round and side
 * @param rounds measured rounds, each side once per round
 */
public record EmitterBenchmark(int events, int rounds) implements Benchmark {
  private static final int EVENT_BYTES = 500;
  private static final int WARM_UP_PASSES = 1;
  private static final int HAND_OVER_RATE = 100_000;
  private static final Duration HAND_OVER_SPAN = Duration.ofSeconds(5);
  private static final double THROUGHPUT_GOAL = 0.7;
  private static final long HAND_OVER_GOAL_NANOS = 1000;
  private static final String XADD_STREAM = "bench:xadd";

  /** The figures of the suite. */
  public static EmitterBenchmark standard() {
    return new EmitterBenchmark(300_000, 3);
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : standard().events();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : standard().rounds();
    Path results = Path.of(args.length > 2 ? args[2] : "benchmarks/results/emitter.json");
    Benchmark.runAlone(new EmitterBenchmark(events, rounds), results);
  }

  @Override
  public String name() {
    return "emitter";
  }

  @Override
  public List<Figure> run() throws Exception {
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    LogEvent event = eventOfSize(EVENT_BYTES);
    byte[] json = EventCodec.encode(event);

    try (RedisServer redis = RedisServer.start()) {
      // Untimed passes of each side, so that neither is measured while the JIT or Redis warms up.
      for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
        RedisBenchmarkXadd.rate(redis, XADD_STREAM, events, json);
        emitterThroughput(redis, spool, events, event);
        redis.flushAll();
      }
      List<Double> baselines = new ArrayList<>();
      List<Double> emitters = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        baselines.add(RedisBenchmarkXadd.rate(redis, XADD_STREAM, events, json));
        redis.flushAll();
        emitters.add(emitterThroughput(redis, spool, events, event));
        redis.flushAll();
        System.out.printf(
            Locale.ROOT,
            "round %d: redis-benchmark %.0f/s, emitter %.0f/s%n",
            round,
            baselines.get(round - 1),
            emitters.get(round - 1));
      }
      Figure throughput = throughput(json.length, baselines, emitters);
      if (throughput.missed()) {
        throughput =
            throughput.withProfile(profileThroughput(redis, spool, event, throughput.id()));
      }
      Figure handOver = handOver(handOverNanos(redis, spool, event));
      if (handOver.missed()) {
        handOver =
            handOver.withProfile(
                Profiles.record(handOver.id(), () -> handOverNanos(redis, spool, event)));
      }
      return List.of(throughput, handOver);
    }
  }

  /** An info event whose JSON is exactly {@code size} bytes. */
  static LogEvent eventOfSize(int size) {
    String padding = "";
    while (true) {
      LogEvent event =
          LogEvent.builder(Level.INFO, "api_request")
              .service("bench")
              .host("localhost")
              .userId("user123")
              .data(Map.of("endpoint", "/api/games/spin", "method", "POST", "pad", padding))
              .build();
      int length = EventCodec.encode(event).length;
      if (length >= size) {
        return event;
      }
      padding = "x".repeat(padding.length() + size - length);
    }
  }

  private static double emitterThroughput(
      RedisServer redis, Path spool, int events, LogEvent event) {
    FiretapConfig config = config(redis, spool, Math.max(events, 1024));
    return EmitterRuns.perSecond(
        config, events, emitter -> warmUp(emitter, event), (emitter, i) -> emitter.emit(event));
  }

  /** Three more emitter passes under a recording: enough samples to rank its methods. */
  private Profile profileThroughput(RedisServer redis, Path spool, LogEvent event, String id)
      throws Exception {
    return Profiles.record(
        id,
        () -> {
          for (int pass = 0; pass < 3; pass++) {
            redis.flushAll();
            emitterThroughput(redis, spool, events, event);
          }
          return null;
        });
  }

  private static long[] handOverNanos(RedisServer redis, Path spool, LogEvent event) {
    FiretapConfig config = config(redis, spool, 65_536);
    try (RedisConnector connector = new RedisConnector(config.redis(), config.redisTimeout())) {
      RedisEmitter emitter = RedisEmitter.start(config, connector);
      warmUp(emitter, event);
      int count = (int) (HAND_OVER_RATE * HAND_OVER_SPAN.toSeconds());
      long[] samples = new long[count];
      long step = TimeUnit.SECONDS.toNanos(1) / HAND_OVER_RATE;
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long due = start + i * step;
        while (System.nanoTime() - due < 0) {
          Thread.onSpinWait();
        }
        long before = System.nanoTime();
        emitter.emit(event);
        samples[i] = System.nanoTime() - before;
      }
      emitter.flush(Duration.ofMinutes(1));
      emitter.close();
      Arrays.sort(samples);
      return samples;
    }
  }

  private static void warmUp(RedisEmitter emitter, LogEvent event) {
    for (int i = 0; i < 20_000; i++) {
      emitter.emit(event);
      if (i % 1000 == 0) {
        LockSupport.parkNanos(100_000);
      }
    }
    emitter.flush(Duration.ofMinutes(1));
  }

  private static FiretapConfig config(RedisServer redis, Path spool, int queueCapacity) {
    return TestConfigs.forRedis(
        redis,
        spool,
        "firetap.service",
        "bench",
        "firetap.redis.timeout",
        "5s",
        "firetap.queue.capacity",
        Integer.toString(Math.min(queueCapacity, 16_777_216)),
        "firetap.logs.maxlen",
        "1000000000",
        "firetap.errors.enabled",
        "false");
  }

  private Figure throughput(int eventBytes, List<Double> baselines, List<Double> emitters) {
    double baseline = Results.median(baselines);
    double emitter = Results.median(emitters);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < baselines.size(); i++) {
      ratios.add(emitters.get(i) / baselines.get(i));
    }
    double ratio = Results.median(ratios);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventBytes", eventBytes);
    values.put("eventsPerRound", events);
    values.put("rounds", rounds);
    values.put("redisBenchmarkXaddPerSecond", Math.round(baseline));
    values.put("emitterPerSecond", Math.round(emitter));
    values.put("throughputRatio", Results.rounded(ratio));
    values.put("roundRatios", ratios.stream().map(Results::rounded).toList());
    return Figure.of(
            "emitter.throughput",
            "Emitter throughput, " + eventBytes + "-byte events",
            "`redis-benchmark -P 64` XADD of the same bytes: " + Results.perSecond(baseline),
            String.format(
                Locale.ROOT,
                "%s, ratio %s (rounds %s-%s)",
                Results.perSecond(emitter),
                Results.ratio(ratio),
                Results.ratio(Collections.min(ratios)),
                Results.ratio(Collections.max(ratios))),
            values)
        .withGoal("ratio ≥ " + THROUGHPUT_GOAL, ratio >= THROUGHPUT_GOAL);
  }

  private static Figure handOver(long[] sorted) {
    long median = Results.percentile(sorted, 0.5);
    long p99 = Results.percentile(sorted, 0.99);
    long max = sorted[sorted.length - 1];
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventsPerSecond", HAND_OVER_RATE);
    values.put("medianNanos", median);
    values.put("p99Nanos", p99);
    values.put("maxNanos", max);
    return Figure.of(
            "emitter.handover",
            String.format(
                Locale.ROOT,
                "Caller-thread hand-over of one event, at %,d events/s",
                HAND_OVER_RATE),
            "—",
            String.format(
                Locale.ROOT, "median %d ns, p99 %d ns, max %s", median, p99, Results.millis(max)),
            values)
        .withGoal("median ≤ 1 µs", median <= HAND_OVER_GOAL_NANOS);
  }
}
