package dev.firetap.handler;

import dev.firetap.event.LogEvent;

/**
 * Application code that runs for each log event of one level whose name matches a pattern. Register
 * it with {@link HandlerRuntime.Builder#onLog}.
 *
 * <p>Delivery is at least once: a handler may see an event again after a crash between its side
 * effects and Firetap's completion record, so it should be idempotent.
 */
@FunctionalInterface
public interface LogHandler {
  /**
   * Handles one event. Returning normally marks the event done for this handler; throwing makes
   * Firetap retry it with backoff and, after {@link HandlerOptions#maxAttempts()} attempts, move it
   * to the handler's dead-letter stream.
   *
   * @param event the log event, never null
   * @param delivery where the event came from and which attempt this is
   * @throws Exception to have the event retried
   */
  void handle(LogEvent event, Delivery delivery) throws Exception;
}
