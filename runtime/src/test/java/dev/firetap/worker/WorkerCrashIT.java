package dev.firetap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.FaultResult;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes killed with SIGKILL while events arrive: every event is handled by the end, and
 * none runs again after its completion was recorded.
 */
@WithRedis
class WorkerCrashIT {
  private static final boolean FULL = FaultResult.fullForm();
  private static final int EVENTS = FULL ? 20_000 : 2000;
  private static final int KILLS = FULL ? 15 : 5;

  /** How long events keep arriving: the kills land within it. */
  private static final Duration ADDING = Duration.ofSeconds(FULL ? 20 : 4);

  private static final String STREAM = "firetap:cdc:crash";
  private static final ChangeSource SOURCE = new ChangeSource("crash-test", "localhost", "test");

  @TempDir Path work;

  @Test
  void losesNoEventAndCompletesNoneTwiceAcrossRepeatedKills(RedisServer server) throws Exception {
    long started = System.nanoTime();
    Random random = new Random(42);
    try (RedisStreams redis = RedisStreams.connect(server.url())) {
      CompletableFuture<Void> adding = CompletableFuture.runAsync(() -> addPaced(redis));
      for (int kill = 1; kill <= KILLS; kill++) {
        try (ChildJvm worker = startWorker(server, "killed-" + kill)) {
          worker.awaitLine(line -> line.contains("running handlers"), Duration.ofSeconds(30));
          long before = redis.commands().scard(CountingHandler.HANDLED);
          // Kill while the worker is busy: after it has made progress, at a random moment.
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> handledSince(redis, before) >= 20 || handledSince(redis, 0) == EVENTS);
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(300)));
          worker.kill();
        }
      }
      adding.get(ADDING.toSeconds() + 60, TimeUnit.SECONDS);

      try (ChildJvm last = startWorker(server, "last")) {
        await()
            .atMost(Duration.ofSeconds(FULL ? 300 : 60))
            .until(() -> redis.commands().scard(CountingHandler.HANDLED) == EVENTS);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> redis.commands().xpending(STREAM, "crash-counter").getCount() == 0);
        last.terminate();

        assertThat(last.awaitExit(Duration.ofSeconds(20))).isEqualTo(143);
      }
      long rerun =
          redis.hash(CountingHandler.RUNS).values().stream()
              .filter(runs -> !runs.equals("1"))
              .count();
      System.out.printf(
          "%d events, %d kills: %d handled, %d run again after a kill, %d completed twice%n",
          EVENTS,
          KILLS,
          redis.commands().scard(CountingHandler.HANDLED),
          rerun,
          redis.commands().scard(CountingHandler.AFTER_COMPLETION));
      writeResult(redis, started, rerun);
      assertThat(redis.commands().scard(CountingHandler.HANDLED)).isEqualTo(EVENTS);
      assertThat(redis.commands().smembers(CountingHandler.AFTER_COMPLETION)).isEmpty();
      assertThat(redis.commands().exists("firetap:dlq:crash-counter")).isZero();
    }
  }

  private static void writeResult(RedisStreams redis, long started, long rerun) {
    long handled = redis.commands().scard(CountingHandler.HANDLED);
    long twice = redis.commands().scard(CountingHandler.AFTER_COMPLETION);
    boolean passed = handled == EVENTS && twice == 0;
    new FaultResult(
            "worker-killed",
            "%,d change events over %d s, one handler (1 ms each)"
                .formatted(EVENTS, ADDING.toSeconds()),
            "%d worker JVMs killed (SIGKILL) one after another while busy".formatted(KILLS),
            (System.nanoTime() - started) / 1e9,
            EVENTS,
            handled,
            EVENTS - handled,
            twice,
            passed ? "passed" : "failed: events not handled or completed twice",
            Map.of("ranAgainAfterAKill", rerun, "kills", KILLS))
        .write();
  }

  private static long handledSince(RedisStreams redis, long before) {
    return redis.commands().scard(CountingHandler.HANDLED) - before;
  }

  private ChildJvm startWorker(RedisServer server, String name) throws Exception {
    return ChildJvm.start(
        WorkerMain.class,
        List.of(
            "-Dfiretap.redis.url=" + server.url(),
            "-Dfiretap.service=crash-worker",
            "-Dfiretap.spool.dir=" + work.resolve("spool"),
            "-Dfiretap.redis.timeout=1s",
            // Child JVMs start faster without the optimizing compiler; this test needs no speed.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC"),
        List.of(
            "--class", CountingHandler.class.getName(),
            "--set", "startFrom=beginning",
            "--set", "claimIdle=1s",
            "--set", "block=200ms",
            "--set", "batchSize=50",
            "--set", "maxAttempts=20",
            "--set", "initialBackoff=10ms",
            "--set", "maxBackoff=100ms"),
        work.resolve(name + ".log"));
  }

  /** Adds the events evenly over {@link #ADDING}, spread over 100 documents. */
  private static void addPaced(RedisStreams redis) {
    long start = System.nanoTime();
    long step = ADDING.toNanos() / EVENTS;
    for (int i = 0; i < EVENTS; i++) {
      LockSupport.parkNanos(start + i * step - System.nanoTime());
      ChangeEvent event =
          ChangeEvent.builder(Operation.UPDATE, "crash/c" + (i % 100))
              .before(Map.of("n", i - 1))
              .after(Map.of("n", i))
              .commitTime(Instant.now())
              .source(SOURCE)
              .build();
      redis.commands().xadd(STREAM, Map.of("event", EventCodec.toJson(event)));
    }
  }
}
