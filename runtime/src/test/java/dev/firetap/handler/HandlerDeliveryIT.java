package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Level;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery, retries, dead letters and replay, duplicates and filters against a real Redis. */
@WithRedis
class HandlerDeliveryIT {
  private static final Set<Operation> ALL_OPS = Set.of(Operation.values());

  @TempDir Path spool;
  private FiretapConfig config;
  private RedisStreams redis;

  @BeforeEach
  void connect(RedisServer server) {
    config = TestConfigs.forRedis(server, spool);
    redis = RedisStreams.connect(server.url());
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Test
  void retriesAFailingHandlerThenDeadLettersTheEventAndReplayRunsItAgain() {
    AtomicBoolean failing = new AtomicBoolean(true);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    ChangeEvent event = TestEvents.order("o1", 1);
    String entryId = TestEvents.add(redis, event);
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange(
                "flaky",
                "orders",
                ALL_OPS,
                (e, delivery) -> {
                  attempts.add(delivery.attempt());
                  if (failing.get()) {
                    throw new IllegalStateException("payment service down");
                  }
                })
            .options("flaky", TestEvents.quick().withMaxAttempts(3));

    try (HandlerRuntime runtime = builder.start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.deadLetters("flaky").isEmpty());
      DeadLetter letter = runtime.deadLetters("flaky").get(0);
      failing.set(false);
      int replayed = runtime.replayAll("flaky");

      await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 4);
      assertThat(attempts).containsExactly(1, 2, 3, 1);
      assertThat(letter.entryId()).isEqualTo(entryId);
      assertThat(letter.stream()).isEqualTo("firetap:cdc:orders");
      assertThat(letter.attempts()).isEqualTo(3);
      assertThat(letter.error()).isEqualTo("java.lang.IllegalStateException: payment service down");
      assertThat(letter.stack()).contains("HandlerDeliveryIT");
      assertThat(letter.event()).isEqualTo(dev.firetap.event.EventCodec.toJson(event));
      assertThat(replayed).isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> pending("firetap:cdc:orders", "flaky") == 0);
      assertThat(runtime.deadLetters("flaky")).isEmpty();
    }
  }

  @Test
  void movesAnUndecodableEntryToTheDeadLettersAtOnceAndGoesOn() {
    List<String> handled = new CopyOnWriteArrayList<>();
    redis.commands().xadd("firetap:cdc:orders", Map.of("event", "{not json"));
    TestEvents.add(redis, TestEvents.order("o1", 1));
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange("poison", "orders", ALL_OPS, (e, d) -> handled.add(e.documentId()))
            .options("poison", TestEvents.quick());

    try (HandlerRuntime runtime = builder.start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> runtime.deadLetters("poison").size() == 1);

      DeadLetter letter = runtime.deadLetters("poison").get(0);
      assertThat(letter.attempts()).isZero();
      assertThat(letter.event()).isEqualTo("{not json");
      assertThat(letter.error()).startsWith("dev.firetap.event.EventFormatException: ");
      assertThat(handled).containsExactly("o1");
    }
  }

  @Test
  void runsTheHandlerOnceWhenTheSameEventIsAddedTwice() {
    List<String> handled = new CopyOnWriteArrayList<>();
    ChangeEvent event = TestEvents.order("o1", 1);
    TestEvents.add(redis, event);
    TestEvents.add(redis, event);
    TestEvents.add(redis, TestEvents.order("o2", 2));
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange("once", "orders", ALL_OPS, (e, d) -> handled.add(e.id()))
            .options("once", TestEvents.quick());

    try (HandlerRuntime runtime = builder.start()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  pending("firetap:cdc:orders", "once") == 0 && runtime.lag().get(0).behind() == 0);

      assertThat(handled).hasSize(2).containsOnlyOnce(event.id());
      assertThat(redis.completed("once", event.id())).isTrue();
    }
  }

  @Test
  void runsTheHandlerOnceWhenTheDuplicateIsReadWhileTheFirstStillRuns() throws Exception {
    List<String> handled = new CopyOnWriteArrayList<>();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ChangeEvent event = TestEvents.order("o1", 1);
    TestEvents.add(redis, event);
    TestEvents.add(redis, event);
    ChangeHandler slowFirst =
        (e, d) -> {
          firstRunning.countDown();
          release.await();
          handled.add(e.id());
        };
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange("readahead", "orders", ALL_OPS, slowFirst)
            .options("readahead", TestEvents.quick().withBatchSize(1));

    try (HandlerRuntime runtime = builder.start()) {
      assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
      // The duplicate is read, and its completion record looked up, while the first still runs.
      await().atMost(Duration.ofSeconds(10)).until(() -> runtime.lag().get(0).pending() == 2);
      release.countDown();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> pending("firetap:cdc:orders", "readahead") == 0);
      assertThat(handled).containsExactly(event.id());
    }
  }

  @Test
  void batchesLargerThanOneScriptSliceSkipDuplicatesAndFlagStaleChangesOfEarlierBatches() {
    // 3,000 documents: one batch of 5,000 ids and paths is more than a script passes at once.
    int documents = 3_000;
    Map<String, Boolean> staleById = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> runs = new CopyOnWriteArrayList<>();
    ChangeHandler recording =
        (event, delivery) -> {
          runs.add(event.id());
          staleById.put(event.id(), delivery.stale());
        };
    HandlerOptions options = TestEvents.quick().withBatchSize(5_000);
    for (int i = 0; i < documents; i++) {
      TestEvents.add(redis, TestEvents.order("o" + i, 2));
    }
    try (HandlerRuntime runtime =
        HandlerRuntime.builder(config)
            .onChange("big", "orders", ALL_OPS, recording)
            .options("big", options)
            .start()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == documents);
      // Read in a later batch: the same events again, and older changes of every document.
      for (int i = 0; i < documents; i++) {
        TestEvents.add(redis, TestEvents.order("o" + i, 2));
        TestEvents.add(redis, TestEvents.order("o" + i, 1));
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == 2 * documents);
      await().atMost(Duration.ofSeconds(30)).until(() -> pending("firetap:cdc:orders", "big") == 0);
      assertThat(runs).doesNotHaveDuplicates();
      for (int i = 0; i < documents; i++) {
        assertThat(staleById.get(TestEvents.order("o" + i, 2).id())).isFalse();
        assertThat(staleById.get(TestEvents.order("o" + i, 1).id())).isTrue();
      }
      assertThat(redis.completed("big", TestEvents.order("o2999", 1).id())).isTrue();
    }
  }

  @Test
  void annotatedBeanHandlersReceiveOnlyTheirOperationsAndEventNames() {
    Beans bean = new Beans();
    TestEvents.add(redis, TestEvents.log(Level.ERROR, "order.failed", 1));
    TestEvents.add(redis, TestEvents.log(Level.ERROR, "payment.failed", 2));
    ChangeEvent created =
        ChangeEvent.builder(Operation.CREATE, "orders/o9")
            .after(Map.of("n", 1))
            .source(TestEvents.SOURCE)
            .build();
    TestEvents.add(redis, TestEvents.order("o1", 1));
    TestEvents.add(redis, created);
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config).register(bean).defaultOptions(TestEvents.quick());

    try (HandlerRuntime runtime = builder.start()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  runtime.lag().stream().allMatch(lag -> lag.pending() == 0 && lag.behind() == 0));

      assertThat(bean.names).containsExactly("payment.failed");
      assertThat(bean.created).containsExactly("o9");
    }
  }

  @Test
  void resumesAfterRedisIsKilledAndRestarted(RedisServer server) {
    List<String> handled = new CopyOnWriteArrayList<>();
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange("resilient", "orders", ALL_OPS, (e, d) -> handled.add(e.documentId()))
            .options("resilient", TestEvents.quick());

    try (HandlerRuntime runtime = builder.start()) {
      TestEvents.add(redis, TestEvents.order("before", 1));
      await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("before"));
      server.kill();
      server.restart();
      // The restarted Redis is empty: the loop creates its group again at its start position.
      redis.close();
      redis = RedisStreams.connect(server.url());
      TestEvents.add(redis, TestEvents.order("after", 2));

      await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("after"));
      assertThat(handled).containsExactly("before", "after");
    }
  }

  public static final class Beans {
    final List<String> names = new CopyOnWriteArrayList<>();
    final List<String> created = new CopyOnWriteArrayList<>();

    @OnLog(id = "payments", level = Level.ERROR, event = "payment.*")
    public void payment(dev.firetap.event.LogEvent event) {
      names.add(event.event());
    }

    @OnChange(id = "new-orders", collection = "orders", ops = Operation.CREATE)
    public void created(ChangeEvent event, Delivery delivery) {
      created.add(event.documentId());
    }
  }

  private long pending(String stream, String group) {
    return redis.commands().xpending(stream, group).getCount();
  }
}
