package dev.firetap.benchmarks.agent;

import dev.firetap.benchmarks.AgentJar;
import dev.firetap.benchmarks.Benchmark;
import dev.firetap.benchmarks.Figure;
import dev.firetap.benchmarks.Profile;
import dev.firetap.benchmarks.Profiles;
import dev.firetap.benchmarks.Results;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the agent costs an application, each figure against the same application without the agent
 * in the same run, on a private redis-server and the official Firestore emulator:
 *
 * <ul>
 *   <li>Firestore write latency, p50 and p99, of a set and of a batch of three sets, with the agent
 *       in snapshot mode {@code exact} and {@code none} (goal: ratio at most 1.03), interleaved
 *       ({@link WriteLatency}), and the CPU time the agent adds per commit on the application
 *       thread;
 *   <li>JVM start to main (goal: at most 300 ms more), interleaved ({@link StartupTime});
 *   <li>heap after GC and allocation rate of an application capturing 10,000 changes per second
 *       through Firetap, against the same work without it (goal: at most 64 MB more, and flat)
 *       ({@link HeapUnderLoad}).
 * </ul>
 *
 * <p>Usage, from the project root: {@code AgentBenchmark [results file]}.
 *
 * @param commits writes of each kind per variant and round
 * @param warmUpRounds untimed rounds first
 * @param rounds measured rounds
 * @param starts measured starts of each variant
 * @param loadSpan how long the heap benchmark measures, after its warm-up
 */
public record AgentBenchmark(
    int commits, int warmUpRounds, int rounds, int starts, Duration loadSpan) implements Benchmark {
  private static final double LATENCY_GOAL_RATIO = 1.03;
  private static final double STARTUP_GOAL_MILLIS = 300;
  private static final double HEAP_GOAL_MEGABYTES = 64;
  private static final double FLAT_MEGABYTES_PER_MINUTE = 4;
  private static final int EVENTS_PER_SECOND = 10_000;
  private static final int LOAD_WARM_UP_SECONDS = 10;
  private static final int SAMPLE_EVERY_SECONDS = 5;
  private static final int PROFILED_ROUNDS = 2;
  private static final double MEGABYTE = 1024 * 1024;

  /** The figures of the suite, sized to run in about three minutes. */
  public static AgentBenchmark standard() {
    return new AgentBenchmark(50, 12, 40, 6, Duration.ofSeconds(60));
  }

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "benchmarks/results/agent.json");
    Benchmark.runAlone(standard(), results);
  }

  @Override
  public String name() {
    return "agent";
  }

  @Override
  public List<Figure> run() throws Exception {
    AgentJar.require();
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    List<Figure> figures = new ArrayList<>();
    try (RedisServer redis = RedisServer.start()) {
      figures.addAll(writes(redis, spool));
      redis.flushAll();
      figures.add(startup(redis, spool));
      redis.flushAll();
      figures.addAll(heap(redis, spool));
    }
    return figures;
  }

  private List<Figure> writes(RedisServer redis, Path spool) throws Exception {
    try (FirestoreEmulator emulator = FirestoreEmulator.start();
        WriteLatency latency = WriteLatency.start(emulator, redis, spool, commits)) {
      latency.warmUp(warmUpRounds);
      latency.measure(rounds);
      WriteLatency.Writes plain = latency.writes(WriteLatency.PLAIN);
      List<Figure> figures = new ArrayList<>();
      for (String variant : List.of("exact", "none")) {
        WriteLatency.Writes agent = latency.writes(variant);
        List<Figure> pair =
            List.of(
                latency("set", "a set of a small document", variant, plain.sets(), agent.sets()),
                latency(
                    "batch", "a batch of three sets", variant, plain.batches(), agent.batches()));
        figures.addAll(profileMisses(pair, latency, variant));
      }
      figures.add(control(plain, latency.writes(WriteLatency.CONTROL)));
      figures.add(cpu(latency));
      return figures;
    }
  }

  private Figure latency(String kind, String what, String variant, long[] plain, long[] agent) {
    double p50 = ratio(Results.percentile(agent, 0.5), Results.percentile(plain, 0.5));
    double p99 = ratio(Results.percentile(agent, 0.99), Results.percentile(plain, 0.99));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("snapshots", variant);
    values.put("commits", agent.length);
    values.put("plainMillis", percentiles(plain));
    values.put("agentMillis", percentiles(agent));
    values.put("p50Ratio", Results.rounded(p50));
    values.put("p99Ratio", Results.rounded(p99));
    return Figure.of(
            "agent.write." + kind + "." + variant,
            "Firestore write latency of " + what + " with the agent, snapshots " + variant,
            "the same writes without the agent, interleaved: " + describe(plain),
            String.format(
                Locale.ROOT,
                "p50 %s (ratio %s), p99 %s (ratio %s)",
                Results.millis(Results.percentile(agent, 0.5)),
                Results.ratio(p50),
                Results.millis(Results.percentile(agent, 0.99)),
                Results.ratio(p99)),
            values)
        .withGoal(
            "p50 and p99 ratio ≤ " + LATENCY_GOAL_RATIO,
            p50 <= LATENCY_GOAL_RATIO && p99 <= LATENCY_GOAL_RATIO);
  }

  /**
   * The ratios of the control JVM, the same application without the agent, to the first one: how
   * far apart two identical applications measure in this run, which bounds what the agent's ratios
   * can resolve.
   */
  private static Figure control(WriteLatency.Writes plain, WriteLatency.Writes control) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> ratios = new ArrayList<>();
    for (String kind : List.of("set", "batch")) {
      long[] first = kind.equals("set") ? plain.sets() : plain.batches();
      long[] second = kind.equals("set") ? control.sets() : control.batches();
      double p50 = ratio(Results.percentile(second, 0.5), Results.percentile(first, 0.5));
      double p99 = ratio(Results.percentile(second, 0.99), Results.percentile(first, 0.99));
      values.put(kind + "ControlMillis", percentiles(second));
      values.put(kind + "P50Ratio", Results.rounded(p50));
      values.put(kind + "P99Ratio", Results.rounded(p99));
      ratios.add(
          kind
              + ": p50 ratio "
              + Results.ratio(p50)
              + ", p99 "
              + Results.millis(Results.percentile(second, 0.99))
              + " (ratio "
              + Results.ratio(p99)
              + ")");
    }
    return Figure.of(
        "agent.write.control",
        "Firestore write latency of a second application without the agent (the run's noise)",
        "the application without the agent of the figures above",
        String.join("; ", ratios),
        values);
  }

  /** The figures, with a profile of {@code variant}'s JVM on those that missed. */
  private static List<Figure> profileMisses(
      List<Figure> figures, WriteLatency latency, String variant) throws IOException {
    if (figures.stream().noneMatch(Figure::missed)) {
      return figures;
    }
    Profile profile = latency.profile(variant, "agent.write." + variant, PROFILED_ROUNDS);
    return figures.stream()
        .map(figure -> figure.missed() ? figure.withProfile(profile) : figure)
        .toList();
  }

  private static Figure cpu(WriteLatency latency) {
    WriteLatency.Writes plain = latency.writes(WriteLatency.PLAIN);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("plainSetNanos", quartiles(plain.setCpu()));
    values.put("plainBatchNanos", quartiles(plain.batchCpu()));
    List<String> added = new ArrayList<>();
    for (String variant : List.of("exact", "none")) {
      WriteLatency.Writes agent = latency.writes(variant);
      double set = Results.median(agent.setCpu()) - Results.median(plain.setCpu());
      double batch = Results.median(agent.batchCpu()) - Results.median(plain.batchCpu());
      values.put(variant + "SetNanos", quartiles(agent.setCpu()));
      values.put(variant + "BatchNanos", quartiles(agent.batchCpu()));
      values.put(variant + "AddedSetNanos", Math.round(set));
      values.put(variant + "AddedBatchNanos", Math.round(batch));
      added.add(
          String.format(
              Locale.ROOT, "%s: set %+,.0f µs, batch %+,.0f µs", variant, set / 1e3, batch / 1e3));
    }
    return Figure.of(
        "agent.cpu",
        "Agent CPU time per commit on the application thread (medians of the rounds)",
        "without the agent: set "
            + microseconds(plain.setCpu())
            + ", batch "
            + microseconds(plain.batchCpu())
            + " per commit",
        String.join("; ", added),
        values);
  }

  /** {@code 212 µs (rounds 180-290)}: the median and the interquartile range. */
  private static String microseconds(List<Double> nanos) {
    return String.format(
        Locale.ROOT,
        "%,.0f µs (rounds' quartiles %,.0f-%,.0f)",
        Results.median(nanos) / 1e3,
        Results.quantile(nanos, 0.25) / 1e3,
        Results.quantile(nanos, 0.75) / 1e3);
  }

  private static Map<String, Object> quartiles(List<Double> nanos) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("p25", Math.round(Results.quantile(nanos, 0.25)));
    map.put("median", Math.round(Results.median(nanos)));
    map.put("p75", Math.round(Results.quantile(nanos, 0.75)));
    return map;
  }

  private Figure startup(RedisServer redis, Path spool) throws Exception {
    AppCommand plain =
        new AppCommand(List.of(), AppCommand.applicationClassPath(), StartupApp.class, List.of());
    AppCommand agent = plain.withOptions(List.of(AppCommand.agent(redis, spool, "start")));
    long[][] nanos = new StartupTime(plain, agent).measure(1, starts);
    double plainMillis = Results.percentile(nanos[0], 0.5) / 1e6;
    double agentMillis = Results.percentile(nanos[1], 0.5) / 1e6;
    double added = agentMillis - plainMillis;
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("starts", starts);
    values.put("plainMedianMillis", Results.rounded(plainMillis, 1));
    values.put("agentMedianMillis", Results.rounded(agentMillis, 1));
    values.put("addedMillis", Results.rounded(added, 1));
    Figure figure =
        Figure.of(
                "agent.startup",
                "JVM start to main with the agent",
                String.format(Locale.ROOT, "without the agent: median %.0f ms", plainMillis),
                String.format(Locale.ROOT, "median %.0f ms, %+.0f ms", agentMillis, added),
                values)
            .withGoal("≤ +" + (int) STARTUP_GOAL_MILLIS + " ms", added <= STARTUP_GOAL_MILLIS);
    if (!figure.missed()) {
      return figure;
    }
    return figure.withProfile(startupProfile(figure.id(), redis, spool));
  }

  /**
   * A JFR profile of the agent's installation: JFR starts only after {@code premain}, so {@link
   * AttachingApp} attaches the agent from its {@code main}, under a recording started with the JVM.
   */
  private static Profile startupProfile(String id, RedisServer redis, Path spool) throws Exception {
    Path file = Profiles.file(id);
    AppCommand attaching =
        new AppCommand(
            List.of("-Djdk.attach.allowAttachSelf=true", Profiles.jvmOption(file)),
            AppCommand.applicationClassPath(),
            AttachingApp.class,
            List.of(AgentJar.PATH, AppCommand.agentArguments(redis, spool, "start")));
    StartupTime.time(attaching);
    return Profiles.summarize(file, Profile.Kind.CPU);
  }

  private List<Figure> heap(RedisServer redis, Path spool) throws Exception {
    HeapUnderLoad.Load[] loads =
        new HeapUnderLoad(loadApp(List.of(), loadSpan, "plain"), loadApp(redis, spool, loadSpan))
            .measure(loadSpan);
    HeapUnderLoad.Load plain = loads[0];
    HeapUnderLoad.Load agent = loads[1];
    if (agent.dropped() > 0 || agent.emitted() < agent.events()) {
      throw new IllegalStateException(
          "the agent's Firetap emitted %d and dropped %d of %d events: the load was not carried"
              .formatted(agent.emitted(), agent.dropped(), agent.events()));
    }
    Figure heap = heapFigure(plain, agent);
    if (heap.missed()) {
      Path file = Profiles.file(heap.id());
      AppCommand profiled =
          loadApp(redis, spool, Duration.ofSeconds(20))
              .withOptions(List.of(Profiles.jvmOption(file)));
      try (AppJvm jvm = AppJvm.start("load agent profiled", profiled)) {
        jvm.awaitLine(line -> line.startsWith("done "), Duration.ofMinutes(2));
      }
      heap = heap.withProfile(Profiles.summarize(file, Profile.Kind.ALLOCATION));
    }
    return List.of(heap, allocationFigure(plain, agent));
  }

  private static Figure heapFigure(HeapUnderLoad.Load plain, HeapUnderLoad.Load agent) {
    double added = (agent.medianHeap() - plain.medianHeap()) / MEGABYTE;
    double slope = agent.heapSlopePerMinute() / MEGABYTE;
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventsPerSecond", EVENTS_PER_SECOND);
    values.put("seconds", agent.seconds().get(agent.seconds().size() - 1));
    values.put("plainHeapMegabytes", megabytes(plain.heapBytes()));
    values.put("agentHeapMegabytes", megabytes(agent.heapBytes()));
    values.put("addedMegabytes", Results.rounded(added, 1));
    values.put("agentSlopeMegabytesPerMinute", Results.rounded(slope, 2));
    values.put(
        "plainSlopeMegabytesPerMinute", Results.rounded(plain.heapSlopePerMinute() / MEGABYTE, 2));
    return Figure.of(
            "agent.heap",
            String.format(
                Locale.ROOT,
                "Heap after GC at %,d events/s for %d s, captured through the agent's Firetap",
                EVENTS_PER_SECOND,
                agent.seconds().get(agent.seconds().size() - 1)),
            String.format(
                Locale.ROOT,
                "the same work without the agent: median %.1f MB, slope %+.2f MB/min",
                plain.medianHeap() / MEGABYTE,
                plain.heapSlopePerMinute() / MEGABYTE),
            String.format(
                Locale.ROOT,
                "median %.1f MB (%+.1f MB), slope %+.2f MB/min",
                agent.medianHeap() / MEGABYTE,
                added,
                slope),
            values)
        .withGoal(
            String.format(
                Locale.ROOT,
                "≤ +%.0f MB, flat (slope ≤ %.0f MB/min)",
                HEAP_GOAL_MEGABYTES,
                FLAT_MEGABYTES_PER_MINUTE),
            added <= HEAP_GOAL_MEGABYTES && slope <= FLAT_MEGABYTES_PER_MINUTE);
  }

  private static Figure allocationFigure(HeapUnderLoad.Load plain, HeapUnderLoad.Load agent) {
    double plainRate = plain.allocationPerSecond() / MEGABYTE;
    double agentRate = agent.allocationPerSecond() / MEGABYTE;
    double perEvent =
        (agent.allocationPerSecond() - plain.allocationPerSecond()) / EVENTS_PER_SECOND;
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("plainMegabytesPerSecond", Results.rounded(plainRate, 2));
    values.put("agentMegabytesPerSecond", Results.rounded(agentRate, 2));
    values.put("addedBytesPerEvent", Math.round(perEvent));
    return Figure.of(
        "agent.allocation",
        String.format(Locale.ROOT, "Allocation at %,d events/s", EVENTS_PER_SECOND),
        String.format(Locale.ROOT, "the same work without the agent: %.1f MB/s", plainRate),
        String.format(Locale.ROOT, "%.1f MB/s, %+,.0f bytes per event", agentRate, perEvent),
        values);
  }

  private AppCommand loadApp(RedisServer redis, Path spool, Duration span) {
    return loadApp(
        List.of(AppCommand.agent(redis, spool, "load", "cdc.maxlen=100000")), span, "firetap");
  }

  private static AppCommand loadApp(List<String> options, Duration span, String mode) {
    return new AppCommand(
        options,
        AppCommand.runtimeClassPath(),
        LoadApp.class,
        List.of(
            Integer.toString(EVENTS_PER_SECOND),
            Integer.toString(LOAD_WARM_UP_SECONDS),
            Long.toString(span.toSeconds()),
            Integer.toString(SAMPLE_EVERY_SECONDS),
            mode));
  }

  private static double ratio(long value, long baseline) {
    return (double) value / baseline;
  }

  private static Map<String, Object> percentiles(long[] sorted) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("p50", Results.rounded(Results.percentile(sorted, 0.5) / 1e6));
    map.put("p99", Results.rounded(Results.percentile(sorted, 0.99) / 1e6));
    return map;
  }

  private static String describe(long[] sorted) {
    return "p50 "
        + Results.millis(Results.percentile(sorted, 0.5))
        + ", p99 "
        + Results.millis(Results.percentile(sorted, 0.99));
  }

  private static List<Double> megabytes(List<Long> bytes) {
    return bytes.stream().map(value -> Results.rounded(value / MEGABYTE, 1)).toList();
  }
}
