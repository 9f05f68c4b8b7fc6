package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.handler.internal.HandlerKeys;
import dev.firetap.redis.StreamKeys;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.ShardedUpdates;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shard leases are renewed while a handler runs for longer than they last, and a worker that loses
 * one stops handling the shard after the entry it runs.
 */
@WithRedis
class ShardLeaseIT {
  private static final StreamKeys KEYS = new StreamKeys("firetap", false, 2);
  private static final HandlerKeys HANDLER_KEYS = new HandlerKeys("firetap", false);
  private static final List<String> SHARDS = KEYS.changeStreams("orders");

  /** What a lease of {@link TestEvents#quick()} lasts: three claim-idle periods plus block. */
  private static final Duration LEASE = Duration.ofMillis(3200);

  @TempDir Path spool;
  private FiretapConfig config;
  private RedisStreams redis;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger blocked = new AtomicInteger();
  private final HandledChanges handled = new HandledChanges();

  @BeforeEach
  void connect(RedisServer server) {
    config =
        TestConfigs.forRedis(
            server, spool, "firetap.cdc.shards", "2", "firetap.shutdown.timeout", "2s");
    redis = RedisStreams.connect(server.url());
  }

  @AfterEach
  void disconnect() {
    release.countDown();
    redis.close();
  }

  @Test
  void aHandlerBlockedLongerThanTheLeaseKeepsItsShardsFromASecondWorker() {
    try (HandlerRuntime first = startWorker("first")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> owners().size() == 2);
      List<String> owners = owners();
      for (int shard = 0; shard < 2; shard++) {
        addUpdates(documentOnShard(shard), 3);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> blocked.get() == 2);

      try (HandlerRuntime second = startWorker("second")) {
        // Without renewals during the batch the leases expire after LEASE and the second worker,
        // which has no shard, takes one.
        await()
            .during(LEASE.multipliedBy(2))
            .atMost(LEASE.multipliedBy(3))
            .until(() -> owners().equals(owners) && handled.workers().isEmpty());
        release.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.distinct() == 6);
      }
    }

    assertThat(handled.firstOutOfOrder()).isEmpty();
  }

  @Test
  void aWorkerThatLostTheLeaseStopsAfterTheEntryItRuns() {
    String stream = SHARDS.get(0);
    // All five are there before the worker starts, so that it reads them in one batch.
    addUpdates(documentOnShard(0), 5);
    try (HandlerRuntime first = startWorker("first")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> blocked.get() == 1);

      String lease = HANDLER_KEYS.lease(stream, "slow");
      redis.commands().set(lease, "another-worker", SetArgs.Builder.px(60_000));
      // A worker that still owns the shard keeps its running entries claimed: idle a moment only.
      await().atMost(Duration.ofSeconds(10)).until(() -> longestIdle(stream) > 3_000);
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> pending(stream) < 5);

      assertThat(pending(stream)).isEqualTo(4);
      assertThat(handled.distinct()).isEqualTo(1);
    }
  }

  private HandlerRuntime startWorker(String worker) {
    return HandlerRuntime.builder(config)
        .onChange(
            "slow",
            "orders",
            Set.of(Operation.values()),
            (event, delivery) -> {
              blocked.incrementAndGet();
              assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
              handled.add(worker, event);
            })
        .options("slow", TestEvents.quick().withThreads(1))
        .start();
  }

  /** The owners of the two shards' leases, in shard order, those held. */
  private List<String> owners() {
    return SHARDS.stream()
        .map(stream -> redis.commands().get(HANDLER_KEYS.lease(stream, "slow")))
        .filter(Objects::nonNull)
        .toList();
  }

  /** How long ago the entry of {@code stream} pending longest was last claimed, in ms. */
  private long longestIdle(String stream) {
    return redis
        .commands()
        .xpending(stream, "slow", Range.create("-", "+"), Limit.from(10))
        .stream()
        .mapToLong(message -> message.getMsSinceLastDelivery())
        .max()
        .orElse(0);
  }

  private static String documentOnShard(int shard) {
    return IntStream.range(0, 100)
        .mapToObj(i -> "d" + i)
        .filter(document -> KEYS.shardOf("orders/" + document) == shard)
        .findFirst()
        .orElseThrow();
  }

  private void addUpdates(String document, int updates) {
    for (int n = 1; n <= updates; n++) {
      String stream = KEYS.changeStream("orders", "orders/" + document);
      redis
          .commands()
          .xadd(stream, Map.of("event", EventCodec.toJson(ShardedUpdates.update(document, n))));
    }
  }

  private long pending(String stream) {
    return redis.commands().xpending(stream, "slow").getCount();
  }
}
