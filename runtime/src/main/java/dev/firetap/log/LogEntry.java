package dev.firetap.log;

import dev.firetap.event.LogEvent;
import dev.firetap.event.LogSource;
import java.util.Map;
import java.util.Objects;

/**
 * A log event being put together, started by {@link LogAggregator#at}. Not thread-safe: build and
 * log it on one thread.
 */
public final class LogEntry {
  private final LogAggregator aggregator;
  private final LogEvent.Builder builder;

  LogEntry(LogAggregator aggregator, LogEvent.Builder builder) {
    this.aggregator = aggregator;
    this.builder = builder;
  }

  /** Sets the user the event is about; null means none. */
  public LogEntry userId(String userId) {
    builder.userId(userId);
    return this;
  }

  /** Adds every entry of {@code data}; null adds nothing. */
  public LogEntry data(Map<String, ?> data) {
    if (data != null) {
      data.forEach(builder::put);
    }
    return this;
  }

  /** Adds one data entry. */
  public LogEntry put(String key, Object value) {
    builder.put(Objects.requireNonNull(key, "key"), value);
    return this;
  }

  /** Sets a human-readable message. */
  public LogEntry message(String message) {
    builder.message(message);
    return this;
  }

  /** Records the type, message and stack trace of {@code error}. */
  public LogEntry error(Throwable error) {
    builder.error(Objects.requireNonNull(error, "error"));
    return this;
  }

  /** Sets the trace id that ties the event to a distributed trace. */
  public LogEntry traceId(String traceId) {
    builder.traceId(traceId);
    return this;
  }

  /** Sets the class and method the event comes from. */
  public LogEntry source(String className, String method) {
    builder.source(new LogSource(className, method));
    return this;
  }

  /** Sets how long the logged operation took. */
  public LogEntry durationMs(long durationMs) {
    builder.durationMs(durationMs);
    return this;
  }

  /**
   * Builds the event and logs it.
   *
   * @return false when the event was dropped (see {@link LogAggregator#log})
   */
  public boolean log() {
    return aggregator.log(builder.build());
  }
}
