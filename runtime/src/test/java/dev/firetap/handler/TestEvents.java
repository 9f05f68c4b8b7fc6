package dev.firetap.handler;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.ShardedUpdates;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Events for handler tests, and writing them to streams as the emitter does. */
final class TestEvents {
  static final ChangeSource SOURCE = new ChangeSource("handler-test", "localhost", "test");
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private TestEvents() {}

  /** An update of {@code orders/<document>} with field n, committed at T0 plus n milliseconds. */
  static ChangeEvent order(String document, int n) {
    return ShardedUpdates.update(document, n);
  }

  static LogEvent log(Level level, String name, int n) {
    return LogEvent.builder(level, name)
        .service("handler-test")
        .host("localhost")
        .put("n", n)
        .build();
  }

  /** Adds the event to its collection's stream; returns the entry id. */
  static String add(RedisStreams redis, ChangeEvent event) {
    return redis
        .commands()
        .xadd("firetap:cdc:" + event.collection(), Map.of("event", EventCodec.toJson(event)));
  }

  static String add(RedisStreams redis, LogEvent event) {
    return redis
        .commands()
        .xadd(
            "firetap:logs:" + event.level().wireName(), Map.of("event", EventCodec.toJson(event)));
  }

  /** Options for quick tests: short block, claim idle and backoff. */
  static HandlerOptions quick() {
    return HandlerOptions.defaults()
        .withBlock(Duration.ofMillis(200))
        .withClaimIdle(Duration.ofSeconds(1))
        .withInitialBackoff(Duration.ofMillis(10))
        .withMaxBackoff(Duration.ofMillis(50))
        .withStartFrom(StartFrom.beginning());
  }
}
