package dev.firetap.benchmarks;

import dev.firetap.testing.RedisServer;
import io.lettuce.core.RedisClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The throughput figures of the handler runtime, in rounds on a private redis-server: a no-op
 * handler against a raw XREADGROUP + XACK loop, and the handler with 1, 2 and 4 threads.
 */
final class ThroughputFigures {
  private static final double RATIO_GOAL = 0.8;
  private static final List<Integer> THREADS = List.of(1, 2, 4);
  private static final double SCALING_GOAL = 0.8;

  private final RedisServer redis;
  private final RedisClient client;
  private final HandlerThroughput bench;
  private final CpuMeter meter;

  ThroughputFigures(RedisServer redis, RedisClient client, HandlerThroughput bench) {
    this.redis = redis;
    this.client = client;
    this.bench = bench;
    this.meter = new CpuMeter(client);
  }

  /**
   * The no-op handler against the raw loop: one untimed pass each, then {@code rounds}, with the
   * CPU time each side costs this JVM and Redis per event.
   */
  Figure ratio(int rounds) throws Exception {
    raw();
    rawDecoding();
    handler(1);
    List<Double> raws = new ArrayList<>();
    List<Double> decodings = new ArrayList<>();
    List<Double> handlers = new ArrayList<>();
    List<CpuMeter.Cost> rawCosts = new ArrayList<>();
    List<CpuMeter.Cost> handlerCosts = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      fill();
      CpuMeter.Measured<Double> raw = meter.measure(bench.size(), () -> bench.raw(client));
      decodings.add(rawDecoding());
      fill();
      CpuMeter.Measured<Double> handler = meter.measure(bench.size(), () -> bench.firetap(1));
      raws.add(raw.result());
      handlers.add(handler.result());
      rawCosts.add(raw.cost());
      handlerCosts.add(handler.cost());
      System.out.printf(
          Locale.ROOT,
          "round %d: raw XREADGROUP+XACK %.0f/s (%s per event), handler runtime %.0f/s (%s)%n",
          round,
          raw.result(),
          raw.cost().describe(),
          handler.result(),
          handler.cost().describe());
    }
    Figure figure =
        ratioFigure(
            raws,
            decodings,
            handlers,
            CpuMeter.Cost.median(rawCosts),
            CpuMeter.Cost.median(handlerCosts));
    return figure.missed() ? figure.withProfile(profile(figure.id(), 1)) : figure;
  }

  private Figure ratioFigure(
      List<Double> raws,
      List<Double> decodings,
      List<Double> handlers,
      CpuMeter.Cost rawCost,
      CpuMeter.Cost handlerCost) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      ratios.add(handlers.get(i) / raws.get(i));
    }
    double ratio = Results.median(ratios);
    double decoding = Results.median(decodings);
    // Redis runs commands on one thread: at its CPU time per event, it could not serve the handler
    // runtime faster than this even if the runtime's JVM cost nothing.
    double redisCeiling = 1e6 / handlerCost.redisMicros();
    double ceilingRatio = redisCeiling / Results.median(raws);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventBytes", bench.eventBytes());
    values.put("eventsPerRound", bench.size());
    values.put("rounds", ratios.size());
    values.put("rawPerSecond", Math.round(Results.median(raws)));
    values.put("rawDecodingPerSecond", Math.round(decoding));
    values.put("handlerPerSecond", Math.round(Results.median(handlers)));
    values.put("throughputRatio", Results.rounded(ratio));
    values.put("roundRatios", ratios.stream().map(Results::rounded).toList());
    values.put("rawJvmMicrosPerEvent", Results.rounded(rawCost.jvmMicros()));
    values.put("rawRedisMicrosPerEvent", Results.rounded(rawCost.redisMicros()));
    values.put("handlerJvmMicrosPerEvent", Results.rounded(handlerCost.jvmMicros()));
    values.put("handlerRedisMicrosPerEvent", Results.rounded(handlerCost.redisMicros()));
    values.put("redisCeilingPerSecond", Math.round(redisCeiling));
    values.put("redisCeilingRatio", Results.rounded(ceilingRatio));
    return Figure.of(
            "handlers.throughput",
            "No-op handler throughput, " + bench.eventBytes() + "-byte change events",
            String.format(
                Locale.ROOT,
                "raw `XREADGROUP COUNT 100` + `XACK` loop: %s, CPU per event %s",
                Results.perSecond(Results.median(raws)),
                rawCost.describe()),
            String.format(
                Locale.ROOT,
                "%s, ratio %s (rounds %s-%s), CPU per event %s; the raw loop decoding each event:"
                    + " %s; at that Redis CPU per event, even a runtime whose JVM cost nothing"
                    + " could not pass %s, ratio %s",
                Results.perSecond(Results.median(handlers)),
                Results.ratio(ratio),
                Results.ratio(Collections.min(ratios)),
                Results.ratio(Collections.max(ratios)),
                handlerCost.describe(),
                Results.perSecond(decoding),
                Results.perSecond(redisCeiling),
                Results.ratio(ceilingRatio)),
            values)
        .withGoal("ratio ≥ " + RATIO_GOAL, ratio >= RATIO_GOAL);
  }

  /**
   * The Redis memory the runtime keeps per handled event for duplicate detection and stale
   * flagging, after one drain of events of distinct documents: the completion hash and the sorted
   * set of handled commit times, each divided by the events handled.
   */
  Figure completionRecords() throws InterruptedException {
    handler(1);
    long done = HandlerThroughput.memoryUsage(client, "firetap:done:*");
    long handled = HandlerThroughput.memoryUsage(client, "firetap:handled:*");
    double perEventDone = (double) done / bench.size();
    double perEventHandled = (double) handled / bench.size();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("events", bench.size());
    values.put("doneBytes", done);
    values.put("handledBytes", handled);
    values.put("doneBytesPerEvent", Results.rounded(perEventDone));
    values.put("handledBytesPerEvent", Results.rounded(perEventHandled));
    return Figure.of(
        "handlers.records",
        "Redis memory of the completion records per handled event, each of its own document",
        "—",
        String.format(
            Locale.ROOT,
            "%.0f bytes: completion record %.0f, handled commit time %.0f (%,d events)",
            perEventDone + perEventHandled,
            perEventDone,
            perEventHandled,
            bench.size()),
        values);
  }

  /**
   * The handler with 1, 2 and 4 threads, in rotating order each round; {@link #ratio} warmed it up.
   * Near-linear: each speedup over one thread is at least 0.8 times the threads the machine can run
   * at once.
   */
  Figure scaling(int rounds) throws Exception {
    Map<Integer, List<Double>> rates = new LinkedHashMap<>();
    THREADS.forEach(threads -> rates.put(threads, new ArrayList<>()));
    List<Integer> order = new ArrayList<>(THREADS);
    for (int round = 0; round < rounds; round++) {
      for (int threads : order) {
        rates.get(threads).add(handler(threads));
      }
      Collections.rotate(order, 1);
    }
    Figure figure = scalingFigure(rates);
    return figure.missed() ? figure.withProfile(profile(figure.id(), 4)) : figure;
  }

  private static Figure scalingFigure(Map<Integer, List<Double>> rates) {
    int cores = Runtime.getRuntime().availableProcessors();
    double single = Results.median(rates.get(1));
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> results = new ArrayList<>();
    boolean met = true;
    for (int threads : THREADS) {
      double rate = Results.median(rates.get(threads));
      double speedup = rate / single;
      values.put(threads + "ThreadsPerSecond", Math.round(rate));
      values.put(threads + "ThreadsSpeedup", Results.rounded(speedup));
      if (threads > 1) {
        met &= speedup >= SCALING_GOAL * Math.min(threads, cores);
        results.add(
            String.format(
                Locale.ROOT, "%d threads %s (×%.2f)", threads, Results.perSecond(rate), speedup));
      }
    }
    values.put("cores", cores);
    return Figure.of(
            "handlers.scaling",
            "No-op handler throughput with 1, 2 and 4 handler threads",
            "1 thread: " + Results.perSecond(single),
            String.join(", ", results),
            values)
        .withGoal(
            "near-linear: speedup ≥ " + SCALING_GOAL + " × min(threads, cores = " + cores + ")",
            met);
  }

  /** Four more drains with {@code threads} threads under a recording. */
  private Profile profile(String id, int threads) throws Exception {
    return Profiles.record(
        id,
        () -> {
          for (int pass = 0; pass < 4; pass++) {
            handler(threads);
          }
          return null;
        });
  }

  private double raw() {
    fill();
    return bench.raw(client);
  }

  private double rawDecoding() {
    fill();
    return bench.rawDecoding(client);
  }

  private double handler(int threads) throws InterruptedException {
    fill();
    return bench.firetap(threads);
  }

  private void fill() {
    redis.flushAll();
    bench.fill(client);
  }
}
