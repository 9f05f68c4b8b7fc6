package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordering, stale flags, start positions, take-over, shutdown and lag against a real Redis. */
@WithRedis
class HandlerGuaranteesIT {
  private static final Set<Operation> ALL_OPS = Set.of(Operation.values());
  private static final String ORDERS = "firetap:cdc:orders";

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
  void runsTheEventsOfEachDocumentInStreamOrderOnFourThreads() {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    for (int n = 1; n <= 20; n++) {
      for (int document = 0; document < 50; document++) {
        TestEvents.add(redis, TestEvents.order("d" + document, n));
      }
    }
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange(
                "ordered",
                "orders",
                ALL_OPS,
                (event, delivery) ->
                    seen.computeIfAbsent(event.documentId(), d -> new CopyOnWriteArrayList<>())
                        .add(((Number) event.after().get("n")).intValue()))
            .options("ordered", TestEvents.quick().withThreads(4).withBatchSize(64));

    try (HandlerRuntime runtime = builder.start()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> seen.values().stream().mapToInt(List::size).sum() == 1000);

      assertThat(seen).hasSize(50);
      List<Integer> expected = new ArrayList<>();
      for (int n = 1; n <= 20; n++) {
        expected.add(n);
      }
      assertThat(seen.values()).allSatisfy(sequence -> assertThat(sequence).isEqualTo(expected));
      await().atMost(Duration.ofSeconds(5)).until(() -> runtime.lag().get(0).pending() == 0);
    }
  }

  @Test
  void flagsAChangeOlderThanOneAlreadyHandledInAnyWorkerAsStale() {
    Map<String, Boolean> staleById = new ConcurrentHashMap<>();
    ChangeHandler recording = (event, delivery) -> staleById.put(event.id(), delivery.stale());
    HandlerOptions options = TestEvents.quick().withStartFrom(StartFrom.now());
    ChangeEvent newer = TestEvents.order("o1", 10);
    ChangeEvent older = TestEvents.order("o1", 5);
    ChangeEvent otherDocument = TestEvents.order("o2", 1);

    try (HandlerRuntime first = start("stale", recording, options);
        HandlerRuntime second = start("stale", recording, options)) {
      TestEvents.add(redis, newer);
      await().atMost(Duration.ofSeconds(10)).until(() -> staleById.containsKey(newer.id()));
      TestEvents.add(redis, older);
      TestEvents.add(redis, otherDocument);
      await().atMost(Duration.ofSeconds(10)).until(() -> staleById.size() == 3);

      assertThat(staleById)
          .containsEntry(newer.id(), false)
          .containsEntry(older.id(), true)
          .containsEntry(otherDocument.id(), false);
      assertThat(redis.handledTimes("stale")).containsEntry("orders/o1", "1735689600010000");
    }
  }

  @Test
  void flagsAnOlderChangeReadInTheSameBatchAsANewerOneAsStale() {
    Map<String, Boolean> staleById = new ConcurrentHashMap<>();
    ChangeHandler recording = (event, delivery) -> staleById.put(event.id(), delivery.stale());
    ChangeEvent newer = TestEvents.order("o1", 10);
    ChangeEvent older = TestEvents.order("o1", 5);
    TestEvents.add(redis, newer);
    TestEvents.add(redis, older);

    try (HandlerRuntime runtime = start("batchstale", recording, TestEvents.quick())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> staleById.size() == 2);

      assertThat(staleById).containsEntry(newer.id(), false).containsEntry(older.id(), true);
      await().atMost(Duration.ofSeconds(5)).until(() -> runtime.lag().get(0).pending() == 0);
      assertThat(redis.handledTimes("batchstale")).containsEntry("orders/o1", "1735689600010000");
    }
  }

  @Test
  void startsANewGroupAtItsStartPosition() {
    for (long millis : new long[] {1000, 2000, 3000}) {
      redis
          .commands()
          .xadd(ORDERS, new XAddArgs().id(millis + "-0"), Map.of("event", json(millis)));
    }
    Map<String, List<String>> seen = new ConcurrentHashMap<>();
    HandlerRuntime.Builder builder = HandlerRuntime.builder(config);
    Map<String, StartFrom> starts =
        Map.of(
            "from-beginning", StartFrom.beginning(),
            "from-2000", StartFrom.at(Instant.ofEpochMilli(2000)),
            "from-now", StartFrom.now());
    starts.forEach(
        (id, start) -> {
          seen.put(id, new CopyOnWriteArrayList<>());
          builder
              .onChange(id, "orders", ALL_OPS, (e, d) -> seen.get(id).add(d.entryId()))
              // A block longer than firetap.redis.timeout (1s) must not time out the read.
              .options(
                  id, TestEvents.quick().withStartFrom(start).withBlock(Duration.ofMillis(1500)));
        });

    try (HandlerRuntime runtime = builder.start()) {
      redis.commands().xadd(ORDERS, new XAddArgs().id("4000-0"), Map.of("event", json(4000)));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> seen.values().stream().allMatch(ids -> ids.contains("4000-0")));

      assertThat(seen.get("from-beginning"))
          .containsExactly("1000-0", "2000-0", "3000-0", "4000-0");
      assertThat(seen.get("from-2000")).containsExactly("2000-0", "3000-0", "4000-0");
      assertThat(seen.get("from-now")).containsExactly("4000-0");
    }
  }

  @Test
  @SuppressWarnings("unchecked") // the varargs array of one stream offset
  void takesOverAnEntryLeftPendingByADeadConsumerAndCountsTheAttempt() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    redis
        .commands()
        .xgroupCreate(
            XReadArgs.StreamOffset.from(ORDERS, "0"),
            "takeover",
            XGroupCreateArgs.Builder.mkstream(true));
    TestEvents.add(redis, TestEvents.order("o1", 1));
    redis
        .commands()
        .xreadgroup(
            Consumer.from("takeover", "dead-worker"), XReadArgs.StreamOffset.lastConsumed(ORDERS));
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange("takeover", "orders", ALL_OPS, (e, d) -> attempts.add(d.attempt()))
            .options("takeover", TestEvents.quick());

    try (HandlerRuntime runtime = builder.start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 1);

      assertThat(attempts).containsExactly(2);
      await().atMost(Duration.ofSeconds(5)).until(() -> runtime.lag().get(0).pending() == 0);
    }
  }

  @Test
  void doesNotTakeOverAnEntryWhoseWorkerIsStillRunningIt() {
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    CountDownLatch never = new CountDownLatch(1);
    ChangeHandler slow =
        (event, delivery) -> {
          runs.merge(event.id(), 1, Integer::sum);
          // Runs 2.5 times claimIdle: only the worker's refreshes keep the entry from idling.
          never.await(2500, TimeUnit.MILLISECONDS);
        };
    ChangeEvent event = TestEvents.order("o1", 1);

    try (HandlerRuntime first = start("slow", slow, TestEvents.quick())) {
      TestEvents.add(redis, event);
      await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey(event.id()));
      try (HandlerRuntime second = start("slow", slow, TestEvents.quick())) {
        await().atMost(Duration.ofSeconds(10)).until(() -> first.lag().get(0).pending() == 0);

        assertThat(runs).containsEntry(event.id(), 1);
        assertThat(second.lag().get(0).behind()).isZero();
      }
    }
  }

  @Test
  void closeLetsTheRunningHandlerFinishAndAcknowledgesIt() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> finished = new CopyOnWriteArrayList<>();
    HandlerRuntime runtime =
        HandlerRuntime.builder(config)
            .onChange(
                "graceful",
                "orders",
                ALL_OPS,
                (event, delivery) -> {
                  running.countDown();
                  release.await();
                  finished.add(event.id());
                })
            .options("graceful", TestEvents.quick())
            .start();
    ChangeEvent event = TestEvents.order("o1", 1);
    TestEvents.add(redis, event);
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    Thread closing = new Thread(runtime::close);
    closing.start();
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> closing.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    closing.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(closing.isAlive()).isFalse();
    assertThat(finished).containsExactly(event.id());
    assertThat(redis.commands().xpending(ORDERS, "graceful").getCount()).isZero();
  }

  @Test
  void lagCountsPendingAndUndeliveredEntriesAndTheOldestPendingAge() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    for (int n = 1; n <= 10; n++) {
      TestEvents.add(redis, TestEvents.order("o" + n, n));
    }
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange("slow", "orders", ALL_OPS, (e, d) -> release.await())
            .options("slow", TestEvents.quick().withBatchSize(1));

    try (HandlerRuntime runtime = builder.start()) {
      // One batch runs, the next waits read ahead: both are pending.
      await().atMost(Duration.ofSeconds(10)).until(() -> runtime.lag().get(0).pending() == 2);
      HandlerLag lag = runtime.lag().get(0);
      release.countDown();

      assertThat(lag.handlerId()).isEqualTo("slow");
      assertThat(lag.stream()).isEqualTo(ORDERS);
      assertThat(lag.behind()).isEqualTo(8);
      assertThat(lag.oldestPendingAge()).isPositive();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> runtime.lag().get(0).behind() == 0 && runtime.lag().get(0).pending() == 0);
    }
  }

  private HandlerRuntime start(String id, ChangeHandler handler, HandlerOptions options) {
    return HandlerRuntime.builder(config)
        .onChange(id, "orders", ALL_OPS, handler)
        .options(id, options)
        .start();
  }

  private static String json(long n) {
    return EventCodec.toJson(TestEvents.order("o" + n, (int) n));
  }
}
