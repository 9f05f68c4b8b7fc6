package dev.firetap.agent;

import static dev.firetap.agent.FaultScenario.OUTAGE;
import static dev.firetap.agent.FaultScenario.RATE;
import static dev.firetap.agent.FaultScenario.SECONDS;
import static dev.firetap.agent.FaultScenario.STEADY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.FaultResult;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithFirestoreEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis fails while an application with the agent writes documents at a steady rate and a handler
 * runs on their change stream: every committed write still has exactly one event, the handler runs
 * once per event, the spool stays within its limit, and the application's writes do not wait on
 * Redis. The short form runs in {@code mvn verify}; {@code ./firetap faults} runs the full one.
 */
@WithFirestoreEmulator
class RedisOutageFaultIT {
  private static final String SPOOL_LIMIT = "64MB";
  private static final long SPOOL_LIMIT_BYTES = 64L << 20;
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(FaultScenario.FULL ? 180 : 60);

  /** The p99 write latency without a fault, measured once for both scenarios. */
  private static long baselineP99Micros;

  @TempDir Path work;

  @Test
  void losesAndRepeatsNothingWhenRedisIsKilledAndRestarted(FirestoreEmulator emulator)
      throws Exception {
    Outage outage =
        new Outage(
            "redis-killed",
            "redis-server killed (SIGKILL) for %d s, restarted on its port with its AOF"
                .formatted(OUTAGE.toSeconds()),
            RedisServer::kill,
            RedisServer::restart);

    FaultResult result = run(outage, emulator);

    assertPassed(result);
  }

  @Test
  void losesAndRepeatsNothingAndBlocksNoWriteWhenRedisIsFrozen(FirestoreEmulator emulator)
      throws Exception {
    Outage outage =
        new Outage(
            "redis-frozen",
            "redis-server frozen (SIGSTOP) for %d s, then thawed".formatted(OUTAGE.toSeconds()),
            RedisServer::freeze,
            RedisServer::thaw);

    FaultResult result = run(outage, emulator);

    assertPassed(result);
    // A write that waited on the frozen Redis would wait the agent's 500 ms command timeout: the
    // writes due during the freeze must keep the pace of those due before it.
    double steady = (double) result.figures().get("beforeOutageP99Ms");
    assertThat((double) result.figures().get("outageP99Ms")).isLessThan(steady * 2 + 250);
  }

  /** A fault of the Redis server: its name, its description, how to cause and how to end it. */
  private record Outage(
      String scenario, String fault, Consumer<RedisServer> start, Consumer<RedisServer> end) {}

  private FaultResult run(Outage outage, FirestoreEmulator emulator) throws Exception {
    long baseline = baselineP99(emulator);
    emulator.reset(WritingApp.PROJECT);
    String collection = outage.scenario().replace("-", "_");
    long started = System.nanoTime();
    try (RedisServer redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        RedisStreams streams = RedisStreams.connect(redis.url());
        RecordingWorker worker = RecordingWorker.start(redis.url(), collection, work);
        LoadRun load =
            LoadRun.start(arguments(redis, outage), emulator, collection, RATE, SECONDS, work)) {
      TimeUnit.MILLISECONDS.sleep(STEADY.toMillis());
      long outageStart = System.currentTimeMillis();
      outage.start().accept(redis);
      long largestSpool = FaultScenario.watchSpool(work.resolve("spool"), OUTAGE);
      outage.end().accept(redis);
      long outageEnd = System.currentTimeMillis();
      load.awaitDone(Duration.ofSeconds(SECONDS * 3L + 60));

      List<LoadRun.Write> writes = load.writes();
      Set<String> committed = load.committed();
      FaultScenario.awaitQuietly(
          () ->
              streams.length("firetap:cdc:" + collection) >= committed.size()
                  && worker.handled() >= committed.size(),
          DRAIN_TIMEOUT);
      CapturedChanges changes = CapturedChanges.read(streams, collection, committed);
      Map<String, Object> figures = latencies(writes, baseline, outageStart, outageEnd);
      figures.put("failedWrites", writes.size() - committed.size());
      figures.put("largestSpoolBytes", largestSpool);
      figures.put("handled", worker.handled());
      figures.put("duplicateHandlerRuns", worker.duplicateRuns());
      figures.put("phantomEvents", changes.phantoms().size());
      return result(outage, started, writes.size(), changes, worker, largestSpool, figures);
    }
  }

  /** The write latencies of the run, of the writes due before and during the outage. */
  private static Map<String, Object> latencies(
      List<LoadRun.Write> writes, long baseline, long outageStart, long outageEnd) {
    Map<String, Object> figures = new LinkedHashMap<>();
    long p99 = LoadRun.latency(writes, w -> true, 99);
    figures.put("writeP99Ms", p99 / 1000.0);
    figures.put("baselineP99Ms", baseline / 1000.0);
    figures.put("p99Ratio", baseline == 0 ? 0.0 : (double) p99 / baseline);
    figures.put(
        "beforeOutageP99Ms",
        LoadRun.latency(writes, w -> w.dueMillis() < outageStart, 99) / 1000.0);
    figures.put(
        "outageP99Ms",
        LoadRun.latency(writes, w -> within(w, outageStart, outageEnd), 99) / 1000.0);
    figures.put(
        "outageMaxLatencyMs",
        LoadRun.latency(writes, w -> within(w, outageStart, outageEnd), 100) / 1000);
    return figures;
  }

  private static FaultResult result(
      Outage outage,
      long started,
      int writes,
      CapturedChanges changes,
      RecordingWorker worker,
      long largestSpool,
      Map<String, Object> figures) {
    double ratio = (double) figures.get("p99Ratio");
    String outcome =
        FaultScenario.outcome(
            changes.lost() > 0 ? changes.lost() + " committed writes without an event" : null,
            changes.duplicates() > 0 ? changes.duplicates() + " events twice in the stream" : null,
            !changes.phantoms().isEmpty() ? "events of writes that failed" : null,
            worker.duplicateRuns() > 0 ? worker.duplicateRuns() + " handler runs twice" : null,
            worker.handled() < changes.committed().size() ? "events not handled" : null,
            largestSpool > SPOOL_LIMIT_BYTES ? "spool beyond its limit" : null,
            FaultScenario.FULL && ratio > 1.10 ? "p99 write latency %.2fx".formatted(ratio) : null);
    FaultResult result =
        new FaultResult(
            outage.scenario(),
            "%d writes/s for %d s (%d writes), one handler".formatted(RATE, SECONDS, writes),
            outage.fault(),
            (System.nanoTime() - started) / 1e9,
            changes.committed().size(),
            changes.delivered(),
            changes.lost(),
            changes.duplicates() + worker.duplicateRuns(),
            outcome,
            figures);
    result.write();
    return result;
  }

  private static void assertPassed(FaultResult result) {
    assertThat(result.lost()).as("lost").isZero();
    assertThat(result.duplicates()).as("duplicates").isZero();
    assertThat(result.outcome()).isEqualTo("passed");
  }

  private static boolean within(LoadRun.Write write, long fromMillis, long toMillis) {
    return write.dueMillis() >= fromMillis && write.dueMillis() < toMillis;
  }

  private String arguments(RedisServer redis, Outage outage) {
    return FaultScenario.agentArguments(
        redis, outage.scenario(), work, "spool.max-bytes=" + SPOOL_LIMIT);
  }

  /** Runs the same load once with a healthy Redis and returns its p99 write latency in µs. */
  private synchronized long baselineP99(FirestoreEmulator emulator) throws Exception {
    if (baselineP99Micros > 0) {
      return baselineP99Micros;
    }
    emulator.reset(WritingApp.PROJECT);
    try (RedisServer redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        LoadRun load =
            LoadRun.start(
                FaultScenario.agentArguments(redis, "baseline", work),
                emulator,
                "baseline",
                RATE,
                SECONDS,
                work)) {
      load.awaitDone(Duration.ofSeconds(SECONDS * 3L + 60));
      baselineP99Micros = LoadRun.latency(load.writes(), w -> true, 99);
      return baselineP99Micros;
    }
  }
}
