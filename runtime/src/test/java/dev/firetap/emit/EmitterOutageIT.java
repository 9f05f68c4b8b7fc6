package dev.firetap.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis goes away while events are emitted; every event still arrives, in order, exactly once. */
@WithRedis
class EmitterOutageIT {
  private static final String STREAM = "firetap:logs:info";
  private static final int EVENTS = 20_000;
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @TempDir Path spool;
  @TempDir Path work;

  @Test
  void deliversEveryEventEmittedDuringATenSecondOutageInOrder(RedisServer redis) {
    try (Firetap firetap =
            Firetap.start(TestConfigs.forRedis(redis, spool, "firetap.errors.enabled", "false"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      firetap.logs().at(Level.INFO, "outage").put("n", -1).log();
      assertThat(firetap.emitter().flush(Duration.ofSeconds(10))).isTrue();

      redis.stop();
      long outageStart = System.nanoTime();
      long maxHandOverNanos = emitPaced(firetap, OUTAGE.minusSeconds(1));
      await().atMost(OUTAGE).until(() -> firetap.emitter().stats().spooled() > 0);
      awaitElapsed(outageStart, OUTAGE);
      redis.restart();

      assertThat(firetap.emitter().flush(Duration.ofSeconds(60))).isTrue();
      // The restarted Redis keeps nothing on disk, so the stream holds exactly the outage's events.
      assertNumberedInOrder(streams.events(STREAM), 0);
      EmitterStats stats = firetap.emitter().stats();
      assertThat(stats.dropped()).isZero();
      assertThat(stats.spooled()).isZero();
      System.out.printf(
          "outage of %d s: %d events delivered in order, max hand-over %d µs%n",
          OUTAGE.toSeconds(), EVENTS, TimeUnit.NANOSECONDS.toMicros(maxHandOverNanos));
      assertThat(maxHandOverNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  @Test
  void deliversTheSpoolOfAProcessThatExitedDuringTheOutage(RedisServer redis) throws Exception {
    redis.stop();
    try (ChildJvm child = startChild(redis, "exit")) {
      assertThat(child.awaitExit(Duration.ofSeconds(60))).isZero();
    }

    assertSpoolDeliveredOnNextStart(redis);
  }

  @Test
  void deliversTheSpoolOfAProcessKilledDuringTheOutage(RedisServer redis) throws Exception {
    redis.stop();
    try (ChildJvm child = startChild(redis, "hang")) {
      child.awaitLine(line -> line.equals("SPOOLED"), Duration.ofSeconds(60));
      child.kill();
    }

    assertSpoolDeliveredOnNextStart(redis);
  }

  private ChildJvm startChild(RedisServer redis, String mode) throws Exception {
    return ChildJvm.start(
        EmittingChild.class,
        List.of(
            "-Dfiretap.redis.url=" + redis.url(),
            "-Dfiretap.spool.dir=" + spool,
            "-Dfiretap.service=outage-child",
            "-Dfiretap.redis.timeout=1s",
            "-Dfiretap.errors.enabled=false"),
        List.of(Integer.toString(EVENTS), mode),
        work.resolve("child-" + mode + ".log"));
  }

  private void assertSpoolDeliveredOnNextStart(RedisServer redis) {
    redis.restart();
    try (Firetap restarted =
            Firetap.start(
                TestConfigs.forRedis(
                    redis,
                    spool,
                    "firetap.service",
                    "outage-child",
                    "firetap.errors.enabled",
                    "false"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> streams.length(STREAM) >= EVENTS && restarted.emitter().stats().spooled() == 0);

      assertNumberedInOrder(streams.events(STREAM), 0);
    }
  }

  /** Emits the numbered events evenly over {@code span}; returns the longest single hand-over. */
  private static long emitPaced(Firetap firetap, Duration span) {
    long start = System.nanoTime();
    long step = span.toNanos() / EVENTS;
    long max = 0;
    for (int i = 0; i < EVENTS; i++) {
      long due = start + i * step;
      while (System.nanoTime() - due < 0) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      LogEvent event =
          LogEvent.builder(Level.INFO, "outage")
              .service("firetap-test")
              .host("localhost")
              .put("n", i)
              .build();
      long before = System.nanoTime();
      boolean accepted = firetap.logs().log(event);
      max = Math.max(max, System.nanoTime() - before);
      assertThat(accepted).isTrue();
    }
    return max;
  }

  private static void awaitElapsed(long startNanos, Duration span) {
    while (System.nanoTime() - startNanos < span.toNanos()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static void assertNumberedInOrder(List<String> events, int first) {
    assertThat(events).hasSize(EVENTS - first);
    long expected = first;
    for (String json : events) {
      LogEvent event = EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8));
      assertThat(event.data().get("n")).isEqualTo(expected++);
    }
  }
}
