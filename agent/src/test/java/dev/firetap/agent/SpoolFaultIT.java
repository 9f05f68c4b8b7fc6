package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.FaultResult;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithFirestoreEmulator;
import dev.firetap.testing.WithRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool under stress while Redis is down: an application killed with {@code kill -9} leaves its
 * events to the next process of its service, and a full spool drops events, counts them and says so
 * at ERROR, while the application's writes go on.
 */
@WithRedis
@WithFirestoreEmulator
class SpoolFaultIT {
  private static final int SECONDS = FaultScenario.FULL ? 15 : 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(FaultScenario.FULL ? 180 : 60);

  /** Characters added to every document of the full-spool scenario: 8 KB events. */
  private static final int PADDING = 8000;

  private static final Pattern DROPS =
      Pattern.compile("\\((\\d+) since start: .*?(\\d+) spool full");

  @TempDir Path work;

  @Test
  void deliversTheSpoolOfAnApplicationKilledDuringAnOutage(
      RedisServer redis, FirestoreEmulator emulator) throws Exception {
    long started = System.nanoTime();
    emulator.reset(WritingApp.PROJECT);
    redis.stop();
    String arguments = FaultScenario.agentArguments(redis, "killed-app", work);
    Set<String> committed;
    long spooled;
    try (LoadRun load =
        LoadRun.start(arguments, emulator, "killed_app", FaultScenario.RATE, SECONDS, work)) {
      committed = load.awaitDone(TIMEOUT).committed();
      spooled = awaitSteadySpool(work.resolve("spool"));
      load.app().kill();
    }
    redis.restart();

    Path restart = Files.createDirectories(work.resolve("restart"));
    try (RedisStreams streams = RedisStreams.connect(redis.url());
        LoadRun again = LoadRun.start(arguments, emulator, "killed_app", 1, 0, restart)) {
      FaultScenario.awaitQuietly(
          () -> streams.length("firetap:cdc:killed_app") >= committed.size(), TIMEOUT);
      CapturedChanges changes = CapturedChanges.read(streams, "killed_app", committed);
      changes.write(
          "app-killed-during-outage",
          "%d writes/s for %d s with Redis down".formatted(FaultScenario.RATE, SECONDS),
          "application killed (SIGKILL) with its events in the spool; restarted with the same"
              + " spool dir, then Redis started",
          started,
          Map.of("spoolBytesAtKill", spooled));

      assertThat(changes.lost()).isZero();
      assertThat(changes.duplicates()).isZero();
      assertThat(changes.phantoms()).isEmpty();
    }
  }

  @Test
  void countsAndReportsDropsWhenTheSpoolIsFullAndTheApplicationGoesOn(
      RedisServer redis, FirestoreEmulator emulator) throws Exception {
    long started = System.nanoTime();
    emulator.reset(WritingApp.PROJECT);
    redis.stop();
    String arguments =
        FaultScenario.agentArguments(redis, "full-spool", work, "spool.max-bytes=1MB");
    int rate = FaultScenario.FULL ? 200 : 50;
    int seconds = FaultScenario.FULL ? 30 : 6;
    try (LoadRun load =
        LoadRun.start(arguments, emulator, "full_spool", rate, seconds, PADDING, "set", work)) {
      load.awaitDone(TIMEOUT);
      Set<String> committed = load.committed();
      long spooled = awaitSteadySpool(work.resolve("spool"));
      String error = awaitDropReport(load.app());
      long dropped = droppedSpoolFull(error);
      long p99 = LoadRun.latency(load.writes(), w -> true, 99);
      redis.restart();

      try (RedisStreams streams = RedisStreams.connect(redis.url())) {
        long expected = committed.size() - dropped;
        FaultScenario.awaitQuietly(
            () -> streams.length("firetap:cdc:full_spool") >= expected, TIMEOUT);
        CapturedChanges changes = CapturedChanges.read(streams, "full_spool", committed);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("droppedAndReported", dropped);
        figures.put("spoolBytes", spooled);
        figures.put("writeP99Ms", p99 / 1000.0);
        figures.put("failedWrites", load.writes().size() - committed.size());
        figures.put("error", error.substring(error.indexOf("ERROR")));
        boolean accounted = changes.lost() == dropped;
        new FaultResult(
                "spool-full",
                "%d writes/s of 8 KB documents for %d s with Redis down".formatted(rate, seconds),
                "firetap.spool.max-bytes=1MB reached; then Redis started",
                (System.nanoTime() - started) / 1e9,
                committed.size(),
                changes.delivered(),
                changes.lost(),
                changes.duplicates(),
                FaultScenario.outcome(
                        committed.size() < load.writes().size()
                            ? "application writes failed"
                            : null,
                        accounted ? null : "lost events differ from the dropped count",
                        changes.duplicates() > 0 ? "events twice in the stream" : null)
                    + " (every lost event dropped by design, counted and reported at ERROR)",
                figures)
            .write();

        assertThat(committed).hasSameSizeAs(load.writes());
        assertThat(dropped).isPositive();
        assertThat(spooled).isLessThanOrEqualTo(1L << 20);
        assertThat(changes.lost()).isEqualTo(dropped);
        assertThat(changes.duplicates()).isZero();
      }
    }
  }

  /**
   * Waits until the spool has data and has then not grown for three seconds: the agent captures
   * each commit after reading its snapshots, so events reach the spool a while after the writes.
   * Returns its size.
   */
  private static long awaitSteadySpool(Path spool) {
    FaultScenario.awaitQuietly(() -> FaultScenario.spoolBytes(spool) > 0, TIMEOUT);
    long last = -1;
    long size = FaultScenario.spoolBytes(spool);
    while (size != last) {
      last = size;
      size = FaultScenario.watchSpool(spool, Duration.ofSeconds(3));
    }
    return size;
  }

  /** The agent's last ERROR line about lost events, after the last drop was reported. */
  private static String awaitDropReport(AgentJvm app) throws Exception {
    FaultScenario.awaitQuietly(() -> lastDropReport(app) != null, TIMEOUT);
    // The emitter reports drops at most every 10 s: the drops since the last report follow
    // within that interval once nothing is dropped any more.
    TimeUnit.SECONDS.sleep(11);
    String last = lastDropReport(app);
    if (last == null) {
      throw new AssertionError(
          "no ERROR about lost events; the application printed:\n" + app.output());
    }
    return last;
  }

  private static String lastDropReport(AgentJvm app) {
    try {
      return app.lines().stream()
          .filter(line -> line.contains("ERROR") && line.contains("events lost"))
          .reduce((a, b) -> b)
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static long droppedSpoolFull(String error) {
    Matcher matcher = DROPS.matcher(error);
    if (!matcher.find()) {
      throw new AssertionError("no drop counts in: " + error);
    }
    return Long.parseLong(matcher.group(2));
  }
}
