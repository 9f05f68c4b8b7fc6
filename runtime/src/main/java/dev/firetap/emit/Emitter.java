package dev.firetap.emit;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.LogEvent;
import java.time.Duration;

/**
 * The single path from a process to Redis, used by everything that emits events.
 *
 * <p>{@code emit} never waits on the network: it hands the event to a bounded in-memory queue and
 * returns. A background sender writes the queue to Redis in batches. While Redis is unreachable,
 * events wait in the queue, then spill to a bounded on-disk spool, and are delivered in order once
 * Redis is back, also after a restart of the process. Events are dropped only when the queue or the
 * spool is full, and every drop is counted in {@link #stats()}.
 */
public interface Emitter extends AutoCloseable {
  /**
   * Hands a change event to the sender.
   *
   * @return false when the event was dropped (queue full, or the emitter closed or disabled)
   * @throws NullPointerException when {@code event} is null
   */
  boolean emit(ChangeEvent event);

  /**
   * Hands a log event to the sender.
   *
   * @return false when the event was dropped (queue full, or the emitter closed or disabled)
   * @throws NullPointerException when {@code event} is null
   */
  boolean emit(LogEvent event);

  /**
   * Hands a log event to the sender, to be built there. An emitter without a sender thread builds
   * it at once.
   *
   * @return false when the event was dropped (queue full, or the emitter closed or disabled)
   * @throws NullPointerException when {@code event} is null
   */
  default boolean emit(PendingLogEvent event) {
    return emit(event.build());
  }

  /** A snapshot of the emitter's counters. */
  EmitterStats stats();

  /**
   * Waits until every event this emitter accepted so far is in Redis or was dropped.
   *
   * @return false when that did not happen within {@code timeout} (for instance, Redis is
   *     unreachable and events wait in the spool)
   */
  boolean flush(Duration timeout);

  /**
   * Stops accepting events, delivers what is queued within the configured shutdown timeout, and
   * moves whatever is still undelivered to the spool. Never throws.
   */
  @Override
  void close();
}
