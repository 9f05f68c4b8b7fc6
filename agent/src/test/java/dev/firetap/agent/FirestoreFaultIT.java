package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firestore refuses or fails writes: commits it rejects, and an emulator stopped in the middle of a
 * run. No event may appear for a write the application did not see commit, and none may be missing
 * for one it did.
 */
@WithRedis
class FirestoreFaultIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(FaultScenario.FULL ? 180 : 60);
  private static final int SECONDS = FaultScenario.FULL ? 10 : 3;

  @TempDir Path work;

  @Test
  void emitsNothingForCommitsFirestoreRejects(RedisServer redis) throws Exception {
    long started = System.nanoTime();
    String arguments = FaultScenario.agentArguments(redis, "rejected", work);
    int rate = FaultScenario.RATE;
    try (FirestoreEmulator emulator = FirestoreEmulator.start();
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Set<String> committed = runSets(arguments, emulator, rate, streams, work.resolve("sets"));
      List<LoadRun.Write> refused = runCreates(arguments, emulator, rate, work.resolve("creates"));

      CapturedChanges changes = CapturedChanges.read(streams, "rejected", committed);
      long createsCommitted = refused.stream().filter(LoadRun.Write::committed).count();
      changes.write(
          "firestore-rejects",
          "%d sets/s for %d s, then as many creates of the same documents".formatted(rate, SECONDS),
          "every create refused by Firestore (ALREADY_EXISTS)",
          started,
          Map.of("refusedWrites", refused.size() - createsCommitted),
          createsCommitted > 0 ? "a create of an existing document committed" : null);

      assertThat(createsCommitted).isZero();
      assertThat(changes.lost()).isZero();
      assertThat(changes.duplicates()).isZero();
    }
  }

  @Test
  void emitsNoPhantomEventWhenTheEmulatorStopsMidRun(RedisServer redis) throws Exception {
    long started = System.nanoTime();
    String arguments = FaultScenario.agentArguments(redis, "stopped", work);
    int seconds = SECONDS * 2;
    try (FirestoreEmulator emulator = FirestoreEmulator.start();
        RedisStreams streams = RedisStreams.connect(redis.url());
        LoadRun load =
            LoadRun.start(arguments, emulator, "stopped", FaultScenario.RATE, seconds, work)) {
      TimeUnit.SECONDS.sleep(SECONDS);
      emulator.stop();
      load.awaitDone(TIMEOUT.plusSeconds(seconds * 10L));
      Set<String> committed = load.committed();
      FaultScenario.awaitQuietly(
          () -> streams.length("firetap:cdc:stopped") >= committed.size(), TIMEOUT);
      TimeUnit.SECONDS.sleep(2);

      CapturedChanges changes = CapturedChanges.read(streams, "stopped", committed);
      int failed = load.writes().size() - committed.size();
      changes.write(
          "firestore-stopped",
          "%d writes/s for %d s".formatted(FaultScenario.RATE, seconds),
          "Firestore emulator stopped after %d s; later writes fail".formatted(SECONDS),
          started,
          Map.of("failedWrites", failed, "phantomEvents", changes.phantoms().size()),
          failed == 0 ? "no write failed: the fault did not happen" : null);

      assertThat(failed).isPositive();
      assertThat(changes.phantoms()).isEmpty();
      assertThat(changes.lost()).isZero();
      assertThat(changes.duplicates()).isZero();
    }
  }

  /** Sets the documents and waits until their events are in Redis; returns those committed. */
  private static Set<String> runSets(
      String arguments, FirestoreEmulator emulator, int rate, RedisStreams streams, Path work)
      throws Exception {
    try (LoadRun load = start(arguments, emulator, rate, "set", work)) {
      Set<String> committed = load.awaitDone(TIMEOUT).committed();
      FaultScenario.awaitQuietly(
          () -> streams.length("firetap:cdc:rejected") >= committed.size(), TIMEOUT);
      return committed;
    }
  }

  private static List<LoadRun.Write> runCreates(
      String arguments, FirestoreEmulator emulator, int rate, Path work) throws Exception {
    try (LoadRun load = start(arguments, emulator, rate, "create", work)) {
      List<LoadRun.Write> writes = load.awaitDone(TIMEOUT).writes();
      // The refusals' events, were there any, would be emitted within this time.
      TimeUnit.SECONDS.sleep(2);
      return writes;
    }
  }

  private static LoadRun start(
      String arguments, FirestoreEmulator emulator, int rate, String operation, Path work)
      throws Exception {
    Files.createDirectories(work);
    return LoadRun.start(arguments, emulator, "rejected", rate, SECONDS, 0, operation, work);
  }
}
