package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.CapturedLog;
import dev.firetap.testing.DeadLetters;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the length caps of streams cost handlers, against a real Redis: entries trimmed while
 * pending, the dead-letter cap, and the warning before a backlog reaches the stream's cap.
 */
@WithRedis
class StreamCapsIT {
  private static final Set<Operation> ALL_OPS = Set.of(Operation.values());
  private static final String ORDERS = "firetap:cdc:orders";

  @TempDir Path spool;
  private RedisServer server;
  private RedisStreams redis;

  @BeforeEach
  void connect(RedisServer server) {
    this.server = server;
    redis = RedisStreams.connect(server.url());
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Test
  void countsAnEntryTrimmedWhilePendingAsLostWithADeadLetterAndOneError() {
    String json = EventCodec.toJson(TestEvents.order("o1", 1));
    String trimmed = DeadLetters.trimWhilePending(redis, ORDERS, "audit", json);
    List<String> handled = new CopyOnWriteArrayList<>();

    try (CapturedLog log = CapturedLog.start();
        HandlerRuntime runtime = start(config(), "audit", (e, d) -> handled.add(d.entryId()))) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> runtime.lag().get(0).lost() > 0 && handled.size() == 1);
      HandlerLag lag = runtime.lag().get(0);
      List<DeadLetter> letters = runtime.deadLetters("audit");

      assertThat(lag.lost()).isEqualTo(1);
      assertThat(lag.pending()).isZero();
      assertThat(handled).doesNotContain(trimmed);
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).entryId()).isEqualTo(trimmed);
      assertThat(letters.get(0).stream()).isEqualTo(ORDERS);
      assertThat(letters.get(0).trimmed()).isTrue();
      assertThat(letters.get(0).event()).isEmpty();
      assertThat(letters.get(0).error()).startsWith("entry trimmed:");
      assertThat(log.linesWith("ERROR", "handler audit:", "1 entries of " + ORDERS, trimmed))
          .hasSize(1);
    }
  }

  @Test
  void replayingTheDeadLetterOfATrimmedEntryAddsNothingAndKeepsIt() {
    String json = EventCodec.toJson(TestEvents.order("o1", 1));
    DeadLetters.trimWhilePending(redis, ORDERS, "audit", json);
    DeadLetters.takeOver(config(), "audit", "orders");
    long length = redis.length(ORDERS);

    try (HandlerAdmin admin = HandlerAdmin.connect(config())) {
      String letterId = admin.deadLetters("audit").get(0).id();

      assertThat(admin.replay("audit", List.of(letterId))).isZero();
      assertThat(admin.replayAll("audit")).isZero();
      assertThat(admin.deadLetters("audit")).extracting(DeadLetter::id).containsExactly(letterId);
      assertThat(redis.length(ORDERS)).isEqualTo(length);
    }
  }

  @Test
  void trimsTheDeadLetterStreamToItsCapAndWarnsOnceAMinute() {
    for (int n = 1; n <= 250; n++) {
      TestEvents.add(redis, TestEvents.order("o" + n, n));
    }
    AtomicInteger runs = new AtomicInteger();
    ChangeHandler refusing =
        (event, delivery) -> {
          runs.incrementAndGet();
          throw new IllegalStateException("refused");
        };
    FiretapConfig capped = config("firetap.handlers.dlq-maxlen", "100");

    try (CapturedLog log = CapturedLog.start();
        HandlerRuntime runtime = start(capped, "refusing", refusing)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> runs.get() == 250 && runtime.lag().get(0).pending() == 0);

      assertThat(redis.length("firetap:dlq:refusing")).isBetween(100L, 249L);
      assertThat(
              log.linesWith(
                  "WARN",
                  "handler refusing: dead-letter stream firetap:dlq:refusing reached its cap of"
                      + " 100 (firetap.handlers.dlq-maxlen)"))
          .hasSize(1);
    }
  }

  @Test
  void warnsOnceWhenPendingAndBehindPassFourFifthsOfTheStreamCap() {
    for (int n = 1; n <= 900; n++) {
      TestEvents.add(redis, TestEvents.order("o" + n, n));
    }
    CountDownLatch release = new CountDownLatch(1);
    FiretapConfig capped = config("firetap.cdc.maxlen", "1000");

    try (CapturedLog log = CapturedLog.start();
        HandlerRuntime runtime = start(capped, "slow", (e, d) -> release.await())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> !log.linesWith("WARN", "handler slow:", "over 80% of its cap 1000").isEmpty());
      release.countDown();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> runtime.lag().get(0).behind() == 0 && runtime.lag().get(0).pending() == 0);

      assertThat(log.linesWith("WARN", "handler slow:", "over 80%")).hasSize(1);
    }
  }

  private FiretapConfig config(String... settings) {
    return TestConfigs.forRedis(server, spool, settings);
  }

  private static HandlerRuntime start(FiretapConfig config, String id, ChangeHandler handler) {
    return HandlerRuntime.builder(config)
        .onChange(id, "orders", ALL_OPS, handler)
        .options(id, TestEvents.quick().withMaxAttempts(1))
        .start();
  }
}
