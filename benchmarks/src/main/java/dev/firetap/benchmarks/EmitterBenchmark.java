package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.emit.internal.RedisEmitter;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.redis.RedisConnector;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
public final class EmitterBenchmark {
  private static final int EVENT_BYTES = 500;
  private static final int WARM_UP_PASSES = 2;
  private static final Pattern REQUESTS_PER_SECOND =
      Pattern.compile("([0-9.]+) requests per second");

  private EmitterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path results = Path.of(args.length > 2 ? args[2] : "benchmarks/results/emitter.json");
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    LogEvent event = eventOfSize(EVENT_BYTES);
    byte[] json = EventCodec.encode(event);

    try (RedisServer redis = RedisServer.start()) {
      // Untimed passes of each side, so that neither is measured while the JIT or Redis warms up.
      for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
        redisBenchmarkXadd(redis, events, json);
        emitterThroughput(redis, spool, events, event);
        redis.flushAll();
      }
      List<Double> baselines = new ArrayList<>();
      List<Double> emitters = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        baselines.add(redisBenchmarkXadd(redis, events, json));
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
      long[] handOver = handOverNanos(redis, spool, event, 100_000, Duration.ofSeconds(5));
      report(results, json.length, events, baselines, emitters, handOver);
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

  private static double redisBenchmarkXadd(RedisServer redis, int events, byte[] json)
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
            Integer.toString(events),
            "-q",
            "XADD",
            "bench:xadd",
            "*",
            "event",
            new String(json, StandardCharsets.UTF_8));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(5, TimeUnit.MINUTES);
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

  private static double emitterThroughput(
      RedisServer redis, Path spool, int events, LogEvent event) {
    FiretapConfig config = config(redis, spool, Math.max(events, 1024));
    return EmitterRuns.perSecond(
        config, events, emitter -> warmUp(emitter, event), (emitter, i) -> emitter.emit(event));
  }

  private static long[] handOverNanos(
      RedisServer redis, Path spool, LogEvent event, int perSecond, Duration span) {
    FiretapConfig config = config(redis, spool, 65_536);
    try (RedisConnector connector = new RedisConnector(config.redis(), config.redisTimeout())) {
      RedisEmitter emitter = RedisEmitter.start(config, connector);
      warmUp(emitter, event);
      int count = (int) (perSecond * span.toSeconds());
      long[] samples = new long[count];
      long step = TimeUnit.SECONDS.toNanos(1) / perSecond;
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

  private static void report(
      Path results,
      int eventBytes,
      int events,
      List<Double> baselines,
      List<Double> emitters,
      long[] handOver)
      throws IOException {
    double baseline = Results.median(baselines);
    double emitter = Results.median(emitters);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < baselines.size(); i++) {
      ratios.add(emitters.get(i) / baselines.get(i));
    }
    double ratio = Results.median(ratios);
    long medianNanos = handOver[handOver.length / 2];
    long p99Nanos = handOver[(int) (handOver.length * 0.99)];
    long maxNanos = handOver[handOver.length - 1];
    System.out.printf(
        Locale.ROOT,
        "%nEmitter throughput, %d-byte events: %.0f/s; redis-benchmark -P 64 XADD: %.0f/s"
            + " (medians); median ratio of the rounds %.2f (goal >= 0.70: %s)%n",
        eventBytes,
        emitter,
        baseline,
        ratio,
        ratio >= 0.7 ? "met" : "MISSED");
    System.out.printf(
        Locale.ROOT,
        "Caller hand-over at 100,000 events/s: median %d ns, p99 %d ns, max %d ns"
            + " (goal median <= 1000 ns: %s)%n",
        medianNanos,
        p99Nanos,
        maxNanos,
        medianNanos <= 1000 ? "met" : "MISSED");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("eventBytes", eventBytes);
    figures.put("eventsPerRound", events);
    figures.put("rounds", baselines.size());
    figures.put("redisBenchmarkXaddPerSecond", Math.round(baseline));
    figures.put("emitterPerSecond", Math.round(emitter));
    figures.put("throughputRatio", Math.round(ratio * 1000) / 1000.0);
    figures.put("roundRatios", ratios.stream().map(r -> Math.round(r * 1000) / 1000.0).toList());
    figures.put("handOverMedianNanos", medianNanos);
    figures.put("handOverP99Nanos", p99Nanos);
    figures.put("handOverMaxNanos", maxNanos);
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("java", System.getProperty("java.version"));
    Results.write(results, figures);
  }
}
