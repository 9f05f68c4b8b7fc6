package dev.firetap.emit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.RedisEndpoint;
import dev.firetap.redis.RoutedConnection;
import dev.firetap.redis.StreamKeys;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WithRedis
class BatchWriterIT {
  private final BatchWriter writer = new BatchWriter(new StreamKeys("firetap"), Duration.ofDays(1));

  @Test
  void writingTheSameBatchTwiceAddsEachEventOnce(RedisServer redis) throws Exception {
    List<Envelope> batch = batch("producer-a", 1, 5);

    long first = write(redis, batch);
    long second = write(redis, batch);

    assertThat(first).isEqualTo(5);
    assertThat(second).isZero();
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      assertThat(streams.events("firetap:logs:info"))
          .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
      assertThat(streams.hash("firetap:stats:2026-12-03"))
          .containsEntry("info", "5")
          .containsEntry("total", "5");
    }
  }

  @Test
  void aRetriedBatchThatOverlapsAnAppliedOneWritesOnlyTheNewEvents(RedisServer redis)
      throws Exception {
    write(redis, batch("producer-a", 1, 3));

    long written = write(redis, batch("producer-a", 1, 6));

    assertThat(written).isEqualTo(3);
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      assertThat(streams.length("firetap:logs:info")).isEqualTo(6);
    }
  }

  @Test
  void sequencesOfDifferentProducersAreIndependent(RedisServer redis) throws Exception {
    write(redis, batch("producer-a", 1, 3));

    long written = write(redis, batch("producer-b", 1, 3));

    assertThat(written).isEqualTo(3);
  }

  @Test
  void publishesChangeEventsOnTheCollectionChannel(RedisServer redis) throws Exception {
    Envelope change =
        new Envelope(
            "firetap:cdc:orders",
            1000,
            "firetap:changes:orders",
            "",
            "",
            "p",
            1,
            "{}".getBytes(StandardCharsets.UTF_8));
    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub()) {
      List<String> received = new CopyOnWriteArrayList<>();
      subscriber.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              received.add(channel + " " + message);
            }
          });
      subscriber.sync().subscribe("firetap:changes:orders");

      write(redis, List.of(change));

      await().until(() -> received.size() == 1);
      assertThat(received).containsExactly("firetap:changes:orders {}");
    } finally {
      client.shutdown();
    }
  }

  private long write(RedisServer redis, List<Envelope> batch) throws Exception {
    try (RedisConnector connector =
            new RedisConnector(RedisEndpoint.parse(redis.url()), Duration.ofSeconds(5));
        RoutedConnection connection = connector.connectRouted()) {
      return writer.write(connection, batch, true).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  private static List<Envelope> batch(String producer, int fromSequence, int toSequence) {
    List<Envelope> batch = new ArrayList<>();
    for (int n = fromSequence; n <= toSequence; n++) {
      batch.add(
          new Envelope(
              "firetap:logs:info",
              1000,
              "",
              "firetap:stats:2026-12-03",
              "info",
              producer,
              n,
              ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
    }
    return batch;
  }
}
