package dev.firetap.testing;

import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerOptions;
import dev.firetap.handler.HandlerRuntime;
import dev.firetap.handler.StartFrom;
import java.time.Duration;
import java.util.Set;

/** Makes dead letters the way they are made in production: a handler that fails. */
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
}
