package dev.firetap.handler;

import dev.firetap.event.ChangeEvent;

/**
 * Application code that runs for each change event of one collection. Register it with {@link
 * HandlerRuntime.Builder#onChange}.
 *
 * <p>Delivery is at least once: a handler may see an event again after a crash between its side
 * effects and Firetap's completion record, so it should be idempotent.
 */
@FunctionalInterface
public interface ChangeHandler {
  /**
   * Handles one event. Returning normally marks the event done for this handler; throwing makes
   * Firetap retry it with backoff and, after {@link HandlerOptions#maxAttempts()} attempts, move it
   * to the handler's dead-letter stream.
   *
   * @param event the change, never null
   * @param delivery where the event came from, which attempt this is and whether it is stale
   * @throws Exception to have the event retried
   */
  void handle(ChangeEvent event, Delivery delivery) throws Exception;
}
