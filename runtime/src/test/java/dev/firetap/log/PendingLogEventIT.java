package dev.firetap.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.Firetap;
import dev.firetap.emit.PendingLogEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.LogSource;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRedis
class PendingLogEventIT {
  @TempDir Path spool;

  @Test
  void anEventLoggedLaterHasTheTimeOfTheCallAndThisProcessesIdentity(RedisServer redis) {
    try (Firetap firetap = start(redis);
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Instant before = Instant.now();

      firetap
          .logs()
          .logLater(
              Level.INFO,
              "OrderService.place",
              event -> event.source(new LogSource("shop.OrderService", "place")).durationMs(3L));
      Instant after = Instant.now();

      assertThat(firetap.emitter().flush(Duration.ofSeconds(10))).isTrue();
      LogEvent event = only(streams.events("firetap:logs:info"));
      assertThat(event.event()).isEqualTo("OrderService.place");
      assertThat(event.service()).isEqualTo("test");
      assertThat(event.source()).isEqualTo(new LogSource("shop.OrderService", "place"));
      assertThat(event.durationMs()).isEqualTo(3L);
      assertThat(event.timestamp()).isBetween(before, after);
    }
  }

  @Test
  void aPendingEventThatFailsToBuildIsCountedAndTheNextOneStillArrives(RedisServer redis) {
    try (Firetap firetap = start(redis);
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      PendingLogEvent broken =
          () -> {
            throw new IllegalStateException("cannot build");
          };

      assertThat(firetap.emitter().emit(broken)).isTrue();
      firetap.logs().logLater(Level.WARN, "after", event -> event.data(Map.of("n", 1)));

      assertThat(firetap.emitter().flush(Duration.ofSeconds(10))).isTrue();
      assertThat(only(streams.events("firetap:logs:warn")).data()).containsEntry("n", 1L);
      assertThat(firetap.emitter().stats().dropped()).isEqualTo(1);
    }
  }

  private Firetap start(RedisServer redis) {
    return Firetap.start(
        TestConfigs.forRedis(
            redis, spool, "firetap.service", "test", "firetap.errors.enabled", "false"));
  }

  private static LogEvent only(List<String> events) {
    assertThat(events).hasSize(1);
    return EventCodec.decodeLog(events.get(0).getBytes(StandardCharsets.UTF_8));
  }
}
