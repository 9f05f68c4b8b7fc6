package dev.firetap.emit;

import dev.firetap.event.LogEvent;

/**
 * A log event whose building is left to the emitter's sender thread, for callers that must return
 * at once, such as the interceptors of annotated methods. Whatever it reads must have been captured
 * when it was made: the sender builds it later, on another thread.
 */
@FunctionalInterface
public interface PendingLogEvent {
  /**
   * Builds the event; what it throws drops the event, counted as unencodable.
   *
   * @return the event, never null
   */
  LogEvent build();
}
