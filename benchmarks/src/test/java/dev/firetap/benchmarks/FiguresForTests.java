package dev.firetap.benchmarks;

import dev.firetap.benchmarks.Profile.HotMethod;
import java.util.List;
import java.util.Map;

/** A small run of two benchmarks, one figure met, one missed with a profile, one without goal. */
final class FiguresForTests {
  static final Profile PROFILE =
      new Profile(
          "benchmarks/results/profiles/emitter.throughput.jfr",
          Profile.Kind.CPU,
          1234,
          List.of(new HotMethod("dev.firetap.event.EventJsonWriter.write", 21.5)),
          List.of(
              new HotMethod("dev.firetap.event.EventJsonWriter.write", 21.5),
              new HotMethod("dev.firetap.emit.internal.Sender.run", 8.0)));

  static final Figure MISSED =
      Figure.of(
              "emitter.throughput",
              "Emitter throughput, 500-byte events",
              "`redis-benchmark -P 64` XADD of the same bytes: 304,882/s",
              "174,356/s, ratio 0.57 (rounds 0.55-0.79)",
              Map.of("throughputRatio", 0.573))
          .withGoal("ratio ≥ 0.7", false)
          .withProfile(PROFILE);

  static final Figure MET =
      Figure.of(
              "emitter.handover",
              "Caller-thread hand-over of one event",
              "—",
              "median 49 ns, p99 180 ns | max 4.81 ms",
              Map.of("medianNanos", 49L))
          .withGoal("median ≤ 1 µs", true);

  static final Figure NO_GOAL =
      Figure.of(
          "agent.cpu",
          "Agent CPU time per commit on the application thread",
          "without the agent: set 80.0 µs",
          "exact: set +12.0 µs",
          Map.of("exactAddedSetNanos", 12_000L));

  static final BenchmarkRun RUN =
      new BenchmarkRun(
          "./firetap bench",
          new Machine(
              2,
              "AMD EPYC 7B13",
              24_105,
              "17.0.15 (Debian)",
              "Linux 6.1.0 amd64",
              "7.0.15",
              "2025-06-01T10:00:00Z",
              "e2a91fd0abcd",
              "0.29 0.34 0.16",
              "1.90 1.20 0.60"),
          512,
          List.of(
              Section.of("emitter", 40, List.of(MISSED, MET)),
              Section.of("agent", 200, List.of(NO_GOAL)),
              Section.failed("handlers", 3, new IllegalStateException("redis-server not found"))));

  private FiguresForTests() {}
}
