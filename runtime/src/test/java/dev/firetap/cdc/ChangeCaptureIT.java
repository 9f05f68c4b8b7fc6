package dev.firetap.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRedis
class ChangeCaptureIT {
  @TempDir Path spool;

  @Test
  void writesACapturedChangeToTheStreamOfItsParentCollection(RedisServer redis) {
    try (Firetap firetap = Firetap.start(TestConfigs.forRedis(redis, spool));
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      ChangeEvent captured =
          firetap
              .changes()
              .capture(
                  Change.update("users", "u1")
                      .before(Map.of("phoneNumber", "+1", "name", "Ada"))
                      .after(Map.of("phoneNumber", "+2", "name", "Ada", "phoneVerified", true))
                      .userId("u1"));
      firetap.changes().capture(Change.create("users/u1/orders", "o9").after(Map.of("total", 5)));
      firetap.emitter().flush(Duration.ofSeconds(10));

      List<String> users = streams.events("firetap:cdc:users");
      assertThat(users).hasSize(1);
      ChangeEvent stored = EventCodec.decodeChange(users.get(0).getBytes(StandardCharsets.UTF_8));
      assertThat(stored).isEqualTo(captured);
      assertThat(stored.changedFields()).containsExactly("phoneNumber", "phoneVerified");
      assertThat(stored.op()).isEqualTo(Operation.UPDATE);
      assertThat(streams.events("firetap:cdc:orders")).hasSize(1);
    }
  }

  @Test
  void subscribersReceiveCapturedChangesInRealTime(RedisServer redis) {
    try (Firetap firetap = Firetap.start(TestConfigs.forRedis(redis, spool))) {
      List<ChangeEvent> orders = new CopyOnWriteArrayList<>();
      List<ChangeEvent> all = new CopyOnWriteArrayList<>();
      Subscription ordersSubscription = firetap.changes().subscribe("orders", orders::add);
      firetap.changes().subscribeAll(all::add);

      ChangeEvent order =
          firetap.changes().capture(Change.create("orders", "o1").after(Map.of("total", 1499)));
      ChangeEvent game =
          firetap.changes().capture(Change.create("games", "g1").after(Map.of("score", 1500)));

      await().atMost(Duration.ofSeconds(10)).until(() -> all.size() == 2);
      assertThat(orders).containsExactly(order);
      assertThat(all).containsExactly(order, game);

      ordersSubscription.close();
      ChangeEvent later =
          firetap.changes().capture(Change.create("orders", "o2").after(Map.of("total", 1)));
      await().atMost(Duration.ofSeconds(10)).until(() -> all.size() == 3);
      assertThat(all.get(2)).isEqualTo(later);
      assertThat(orders).containsExactly(order);
    }
  }

  @Test
  void rejectsAnInconsistentChangeWithAMessageNamingTheField(RedisServer redis) {
    try (Firetap firetap = Firetap.start(TestConfigs.forRedis(redis, spool))) {
      Change createWithoutAfter = Change.create("orders", "o1");

      Throwable thrown = catchThrowable(() -> firetap.changes().capture(createWithoutAfter));

      assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
    }
  }
}
