package dev.firetap.benchmarks.agent;

import dev.firetap.benchmarks.Profile;
import dev.firetap.benchmarks.Profiles;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Firestore write latency with and without the agent, interleaved: one child JVM per variant (the
 * same {@link WritingApp} without the agent, a second one without it as a control, with the agent
 * in snapshot mode {@code exact}, and in {@code none}), taking turns in rounds, the order rotating
 * every round, so that whatever else the machine does hits every variant alike. After an agent
 * variant's turn, the next turn waits until the agent has put an event on Redis for every write:
 * its background work (snapshot reads, emitting) is part of its own turn, and the run proves that
 * the agent captured every write.
 */
final class WriteLatency implements AutoCloseable {
  static final String PLAIN = "plain";

  /**
   * A second JVM without the agent: its ratio to {@link #PLAIN} is what two identical applications
   * differ by in this run, the noise any ratio of the run carries.
   */
  static final String CONTROL = "control";

  /** Without the agent, the control, and with the agent in each snapshot mode. */
  static final List<String> VARIANTS = List.of(PLAIN, CONTROL, "exact", "none");

  private static final String PROJECT = "firetap-bench";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration CAPTURE_TIMEOUT = Duration.ofSeconds(60);

  private final int commits;
  private final Map<String, AppJvm> apps;
  private final Map<String, Writes> writes = new LinkedHashMap<>();
  private final Map<String, Long> committed = new LinkedHashMap<>();
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private int rounds;

  private WriteLatency(int commits, Map<String, AppJvm> apps, RedisClient client) {
    this.commits = commits;
    this.apps = apps;
    this.client = client;
    this.connection = client.connect();
    VARIANTS.forEach(variant -> writes.put(variant, new Writes()));
    VARIANTS.forEach(variant -> committed.put(variant, 0L));
  }

  /** Starts one application per variant; each round makes {@code commits} writes of each kind. */
  static WriteLatency start(FirestoreEmulator emulator, RedisServer redis, Path spool, int commits)
      throws IOException {
    Map<String, AppJvm> apps = new LinkedHashMap<>();
    for (String variant : VARIANTS) {
      AppCommand command =
          new AppCommand(
              options(variant, redis, spool),
              AppCommand.applicationClassPath(),
              WritingApp.class,
              List.of(emulator.hostAndPort(), PROJECT, variant));
      AppJvm app = AppJvm.start("writing " + variant, command);
      apps.put(variant, app);
      app.awaitLine("ready"::equals, START_TIMEOUT);
    }
    return new WriteLatency(commits, apps, RedisClient.create(redis.url()));
  }

  private static List<String> options(String variant, RedisServer redis, Path spool) {
    if (!hasAgent(variant)) {
      return List.of();
    }
    return List.of(AppCommand.agent(redis, spool, variant, "cdc.snapshots=" + variant));
  }

  /** Runs {@code count} rounds whose writes are not recorded. */
  void warmUp(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      round(false);
    }
  }

  /** Runs {@code count} rounds and records every commit's latency and CPU time. */
  void measure(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      round(true);
    }
  }

  private void round(boolean record) throws IOException {
    List<String> order = new ArrayList<>(VARIANTS);
    Collections.rotate(order, -(rounds++ % order.size()));
    for (String variant : order) {
      turn(variant, record, "round " + rounds);
    }
  }

  private void turn(String variant, boolean record, String label) throws IOException {
    long start = System.nanoTime();
    String[] answer = apps.get(variant).ask("round " + commits, ROUND_TIMEOUT).split(" ");
    committed.merge(variant, (long) commits, Long::sum);
    if (record) {
      writes.get(variant).add(answer, commits);
    }
    if (hasAgent(variant)) {
      awaitCaptured(variant);
    }
    System.out.printf(
        Locale.ROOT,
        "%s %s: %.1f s, CPU per commit: set %.0f µs, batch %.0f µs%n",
        label,
        variant,
        (System.nanoTime() - start) / 1e9,
        Long.parseLong(answer[0]) / 1e3 / commits,
        Long.parseLong(answer[1]) / 1e3 / commits);
  }

  private static boolean hasAgent(String variant) {
    return !variant.equals(PLAIN) && !variant.equals(CONTROL);
  }

  /** Waits until the agent has emitted an event per document written by {@code variant}. */
  private void awaitCaptured(String variant) {
    RedisCommands<String, String> redis = connection.sync();
    long sets = committed.get(variant);
    long deadline = System.nanoTime() + CAPTURE_TIMEOUT.toNanos();
    while (redis.xlen("firetap:cdc:writes_" + variant) < sets
        || redis.xlen("firetap:cdc:batches_" + variant) < 3 * sets) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            ("the agent (snapshots %s) emitted %d events of %d sets and %d of %d batched writes"
                    + " within %s")
                .formatted(
                    variant,
                    redis.xlen("firetap:cdc:writes_" + variant),
                    sets,
                    redis.xlen("firetap:cdc:batches_" + variant),
                    3 * sets,
                    CAPTURE_TIMEOUT));
      }
      LockSupport.parkNanos(5_000_000);
    }
  }

  /** What {@code variant} measured. */
  Writes writes(String variant) {
    return writes.get(variant);
  }

  /**
   * Runs {@code count} more turns of {@code variant} alone, unrecorded, under a JFR recording of
   * its JVM, and summarises where its CPU time went.
   */
  Profile profile(String variant, String id, int count) throws IOException {
    Path file = Profiles.file(id);
    AppJvm app = apps.get(variant);
    app.ask("profile", ROUND_TIMEOUT);
    for (int i = 0; i < count; i++) {
      turn(variant, false, "profiled");
    }
    app.ask("unprofile " + file.toAbsolutePath(), ROUND_TIMEOUT);
    return Profiles.summarize(file, Profile.Kind.CPU);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (AppJvm app : apps.values()) {
      app.close();
    }
    connection.close();
    client.shutdown();
  }

  /** The latencies and application-thread CPU time of one variant's commits. */
  static final class Writes {
    private final List<Long> sets = new ArrayList<>();
    private final List<Long> batches = new ArrayList<>();
    private final List<Double> setCpu = new ArrayList<>();
    private final List<Double> batchCpu = new ArrayList<>();

    /** Adds an answer {@code <set cpu> <batch cpu> <set latencies> <batch latencies>}. */
    private void add(String[] answer, int commits) {
      setCpu.add(Double.parseDouble(answer[0]) / commits);
      batchCpu.add(Double.parseDouble(answer[1]) / commits);
      addAll(sets, answer[2], commits);
      addAll(batches, answer[3], commits);
    }

    private static void addAll(List<Long> samples, String joined, int commits) {
      String[] values = joined.split(",");
      if (values.length != commits) {
        throw new IllegalStateException(
            "expected " + commits + " latencies, got " + values.length + ": " + joined);
      }
      for (String value : values) {
        samples.add(Long.parseLong(value));
      }
    }

    /** Sorted latencies of sets, in nanoseconds. */
    long[] sets() {
      return sorted(sets);
    }

    /** Sorted latencies of batches, in nanoseconds. */
    long[] batches() {
      return sorted(batches);
    }

    /** The application thread's CPU time per set of each round, in nanoseconds. */
    List<Double> setCpu() {
      return List.copyOf(setCpu);
    }

    /** The application thread's CPU time per batch commit of each round, in nanoseconds. */
    List<Double> batchCpu() {
      return List.copyOf(batchCpu);
    }

    private static long[] sorted(List<Long> samples) {
      return samples.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }
}
