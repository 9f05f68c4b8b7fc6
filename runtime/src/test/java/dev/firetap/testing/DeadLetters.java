package dev.firetap.testing;

import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerOptions;
import dev.firetap.handler.HandlerRuntime;
import dev.firetap.handler.StartFrom;
import io.lettuce.core.Consumer;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Makes dead letters the way they are made in production: a handler that fails, or an entry trimmed
 * from its stream while pending.
 */
public final class DeadLetters {
  private DeadLetters() {}

  /**
   * Runs handler {@code handlerId} on the change stream of {@code collection} from its start,
   * failing every event with {@code IllegalStateException: refused} on its only attempt, until the
   * handler has {@code count} dead letters; then stops it.
   *
   * @throws org.awaitility.core.ConditionTimeoutException when that takes over 10 s
   */
  public static void failEvery(
      FiretapConfig config, String handlerId, String collection, int count) {
    HandlerOptions once =
        HandlerOptions.defaults()
            .withMaxAttempts(1)
            .withBlock(Duration.ofMillis(200))
            .withStartFrom(StartFrom.beginning());
    try (HandlerRuntime runtime =
        HandlerRuntime.builder(config)
            .onChange(
                handlerId,
                collection,
                Set.of(Operation.values()),
                (event, delivery) -> {
                  throw new IllegalStateException("refused");
                })
            .options(handlerId, once)
            .start()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> runtime.deadLetters(handlerId).size() == count);
    }
  }

  /**
   * Leaves an entry of {@code event} on {@code stream} pending in group {@code handlerId} (created
   * at the stream's start) with a consumer that never comes back, then adds the event again with
   * {@code MAXLEN 1}, which trims the pending entry away.
   *
   * @return the id of the trimmed entry
   */
  @SuppressWarnings("unchecked") // the varargs array of one stream offset
  public static String trimWhilePending(
      RedisStreams redis, String stream, String handlerId, String event) {
    redis
        .commands()
        .xgroupCreate(
            XReadArgs.StreamOffset.from(stream, "0"),
            handlerId,
            XGroupCreateArgs.Builder.mkstream(true));
    String pending = redis.commands().xadd(stream, Map.of("event", event));
    redis
        .commands()
        .xreadgroup(
            Consumer.from(handlerId, "dead-worker"), XReadArgs.StreamOffset.lastConsumed(stream));
    redis.commands().xadd(stream, XAddArgs.Builder.maxlen(1), Map.of("event", event));
    return pending;
  }

  /**
   * Runs handler {@code handlerId} on the change stream of {@code collection} until it has taken
   * over the entries left pending and counted at least one as lost; then stops it.
   *
   * @throws org.awaitility.core.ConditionTimeoutException when that takes over 10 s
   */
  public static void takeOver(FiretapConfig config, String handlerId, String collection) {
    HandlerOptions quick =
        HandlerOptions.defaults()
            .withBlock(Duration.ofMillis(200))
            .withClaimIdle(Duration.ofMillis(100));
    try (HandlerRuntime runtime =
        HandlerRuntime.builder(config)
            .onChange(handlerId, collection, Set.of(Operation.values()), (event, delivery) -> {})
            .options(handlerId, quick)
            .start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> runtime.lag().get(0).lost() > 0);
    }
  }
}
