package dev.firetap.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.firetap.Firetap;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithFirestoreEmulator;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRedis
@WithFirestoreEmulator
class LogAggregatorIT {
  private static final Level[] LEVELS = Level.values();

  @TempDir Path spool;

  @Test
  void deliversOneHundredThousandEventsInOrderWithExactDailyCounts(RedisServer redis) {
    int total = 100_000;
    try (Firetap firetap =
            Firetap.start(
                TestConfigs.forRedis(
                    redis,
                    spool,
                    "firetap.logs.maxlen",
                    "1000000",
                    "firetap.errors.enabled",
                    "false"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      for (int i = 0; i < total; i++) {
        firetap.logs().at(LEVELS[i % 4], "load").put("n", i).log();
      }

      assertThat(firetap.emitter().flush(Duration.ofSeconds(60))).isTrue();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      for (Level level : LEVELS) {
        List<String> events = streams.events("firetap:logs:" + level.wireName());
        assertThat(events).hasSize(total / 4);
        long previous = -1;
        for (String json : events) {
          LogEvent event = EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8));
          long n = (Long) event.data().get("n");
          assertThat(n).isGreaterThan(previous);
          assertThat(n % 4).isEqualTo(level.ordinal());
          previous = n;
        }
      }
      LogStats stats = firetap.logs().stats(today);
      assertThat(stats)
          .isEqualTo(new LogStats(today, total / 4, total / 4, total / 4, total / 4, total));
      assertThat(firetap.emitter().stats().dropped()).isZero();
    }
  }

  @Test
  void capsEachLogStreamWhileCountingEveryEvent(RedisServer redis) {
    try (Firetap firetap =
            Firetap.start(
                TestConfigs.forRedis(
                    redis,
                    spool,
                    "firetap.logs.maxlen",
                    "100",
                    "firetap.errors.enabled",
                    "false"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      for (int i = 0; i < 5_000; i++) {
        firetap.logs().at(Level.DEBUG, "chatty").put("n", i).log();
      }
      firetap.emitter().flush(Duration.ofSeconds(30));

      // MAXLEN ~ trims whole stream nodes (100 entries each by default), so the cap is approximate.
      assertThat(streams.length("firetap:logs:debug")).isBetween(100L, 300L);
      assertThat(firetap.logs().statsToday().debug()).isEqualTo(5_000);
      assertThat(firetap.logs().recent(Level.DEBUG, 1).get(0).data().get("n")).isEqualTo(4_999L);
    }
  }

  @Test
  void recentReturnsTheNewestEventsOfALevelNewestFirst(RedisServer redis) {
    try (Firetap firetap =
        Firetap.start(TestConfigs.forRedis(redis, spool, "firetap.errors.enabled", "false"))) {
      for (int i = 0; i < 10; i++) {
        firetap.logs().warn("slow_request", Map.of("n", i));
      }
      firetap.logs().info("other", Map.of());
      firetap.emitter().flush(Duration.ofSeconds(10));

      List<LogEvent> recent = firetap.logs().recent(Level.WARN, 3);

      assertThat(recent).extracting(e -> e.data().get("n")).containsExactly(9L, 8L, 7L);
      assertThat(recent).allSatisfy(e -> assertThat(e.service()).isEqualTo("firetap-test"));
      assertThat(firetap.logs().statsToday().warn()).isEqualTo(10);
      assertThat(firetap.logs().statsToday().total()).isEqualTo(11);
    }
  }

  @Test
  void storesErrorEventsInFirestore(RedisServer redis, FirestoreEmulator emulator)
      throws Exception {
    Firestore firestore = emulator.client("firetap-test");
    try (Firetap firetap =
        Firetap.builder().config(TestConfigs.forRedis(redis, spool)).firestore(firestore).start()) {
      firetap
          .logs()
          .error(
              "payment_failed",
              new IllegalStateException("gateway timeout"),
              Map.of("orderId", "ORD123", "amount", 1499));
      firetap.logs().info("not_stored", Map.of());
      LogEvent logged = awaitOne(firetap, Level.ERROR);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  firestore
                      .collection("firetap_errors")
                      .document(logged.id())
                      .get()
                      .get()
                      .exists());
      DocumentSnapshot document =
          firestore.collection("firetap_errors").document(logged.id()).get().get();
      assertThat(document.getString("event")).isEqualTo("payment_failed");
      assertThat(document.getString("level")).isEqualTo("error");
      assertThat(document.get("error.type")).isEqualTo("java.lang.IllegalStateException");
      assertThat(document.get("data.orderId")).isEqualTo("ORD123");
      assertThat(document.getTimestamp("timestamp"))
          .isEqualTo(
              Timestamp.ofTimeSecondsAndNanos(
                  logged.timestamp().getEpochSecond(), logged.timestamp().getNano()));
      assertThat(EventCodec.decodeLog(document.getString("json").getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(logged);
      assertThat(firestore.collection("firetap_errors").get().get().size()).isEqualTo(1);
    }
  }

  private static LogEvent awaitOne(Firetap firetap, Level level) {
    await().atMost(Duration.ofSeconds(10)).until(() -> firetap.logs().recent(level, 1).size() == 1);
    return firetap.logs().recent(level, 1).get(0);
  }
}
