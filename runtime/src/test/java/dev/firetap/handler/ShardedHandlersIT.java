package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded change streams on one Redis server: the emitter spreads, workers share by lease. */
@WithRedis
class ShardedHandlersIT {
  private static final int DOCUMENTS = 30;
  private static final int UPDATES = 20;

  @TempDir Path spool;

  @Test
  void twoWorkersShareTheShardsAndRunEachDocumentInOrder(RedisServer server) {
    FiretapConfig config =
        TestConfigs.forRedis(
            server, spool, "firetap.cdc.shards", "4", "firetap.errors.enabled", "false");
    HandledChanges handled = new HandledChanges();

    try (HandlerRuntime first = handled.startWorker(config, "first");
        HandlerRuntime second = handled.startWorker(config, "second");
        Firetap firetap = Firetap.start(config);
        RedisStreams redis = RedisStreams.connect(server.url())) {
      // The first worker may take every shard before the second starts; it gives some up soon.
      await().atMost(Duration.ofSeconds(30)).until(() -> leaseOwners(redis) == 2);

      for (int n = 1; n <= UPDATES; n++) {
        for (int document = 0; document < DOCUMENTS; document++) {
          firetap.emitter().emit(TestEvents.order("d" + document, n));
        }
      }
      assertThat(firetap.emitter().flush(Duration.ofSeconds(20))).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> handled.distinct() == DOCUMENTS * UPDATES);

      assertThat(handled.firstOutOfOrder()).isEmpty();
      assertThat(handled.workers()).containsExactlyInAnyOrder("first", "second");
      assertThat(first.lag()).extracting(HandlerLag::stream).hasSize(4);
    }
    try (RedisStreams redis = RedisStreams.connect(server.url())) {
      assertThat(redis.length("firetap:cdc:orders")).isZero();
      for (int shard = 0; shard < 4; shard++) {
        assertThat(redis.length("firetap:cdc:orders:" + shard)).isPositive();
      }
    }
  }

  private static long leaseOwners(RedisStreams redis) {
    return redis.commands().keys("firetap:lease:*").stream()
        .map(key -> redis.commands().get(key))
        .filter(Objects::nonNull)
        .distinct()
        .count();
  }
}
