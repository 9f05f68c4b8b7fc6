package dev.firetap.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One structured log record. Written to the {@code firetap:logs:<level>} stream; {@code
 * docs/events.md} describes its JSON form.
 *
 * @param id a unique, time-ordered id
 * @param timestamp when the event happened, in microseconds
 * @param level the severity
 * @param event the event name, such as {@code order.placed}; never blank
 * @param userId the user the event concerns; null when unknown
 * @param data structured details; empty, never null
 * @param service the logical service name
 * @param host the host name of the instance
 * @param message a human-readable message; null when absent
 * @param error the error being reported; null when absent
 * @param traceId the id of the trace the event belongs to; null when absent
 * @param source the code location that emitted the event; null when absent
 * @param durationMs how long the logged operation took, in milliseconds; null when absent
 */
public record LogEvent(
    String id,
    Instant timestamp,
    Level level,
    String event,
    String userId,
    Map<String, Object> data,
    String service,
    String host,
    String message,
    ErrorInfo error,
    String traceId,
    LogSource source,
    Long durationMs) {
  /**
   * Checks the event and makes it immutable: {@code data} becomes a deep {@link JsonValues} copy
   * (null becomes an empty map) and {@code timestamp} is truncated to microseconds.
   *
   * @throws NullPointerException if id, timestamp, level, event, service or host is null
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public LogEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(host, "host");
    if (event.isBlank()) {
      throw new IllegalArgumentException("event must be a non-blank name, got '" + event + "'");
    }
    data = data == null ? JsonValues.emptyMap() : JsonValues.normalizeMap(data, "data");
    timestamp = Timestamps.toMicros(timestamp);
  }

  /** Starts building a log event of this level and name. */
  public static Builder builder(Level level, String event) {
    return new Builder(level, event);
  }

  /** Builds a {@link LogEvent}. Not thread-safe; {@link #build()} may be called more than once. */
  public static final class Builder {
    private final Level level;
    private final String event;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String id;
    private Instant timestamp;
    private String userId;
    private String service;
    private String host;
    private String message;
    private ErrorInfo error;
    private String traceId;
    private LogSource source;
    private Long durationMs;

    private Builder(Level level, String event) {
      this.level = Objects.requireNonNull(level, "level");
      this.event = Objects.requireNonNull(event, "event");
    }

    /** Sets the id; by default a new {@link EventIds#newId()}. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Sets the time of the event; by default the time {@link #build()} is called. */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
      return this;
    }

    /** Sets the user the event concerns; null (the default) when unknown. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Replaces all data entries with those of {@code data}, in its iteration order. */
    public Builder data(Map<?, ?> data) {
      Objects.requireNonNull(data, "data");
      this.data.clear();
      data.forEach((key, value) -> this.data.put(String.valueOf(key), value));
      return this;
    }

    /** Adds or replaces one data entry; the value is normalized by {@link JsonValues}. */
    public Builder put(String key, Object value) {
      data.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /** Sets the service name; required. */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /** Sets the host name; required. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the human-readable message; null (the default) leaves it out. */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** Sets the error; null (the default) leaves it out. */
    public Builder error(ErrorInfo error) {
      this.error = error;
      return this;
    }

    /** Sets the error from a throwable, as {@link ErrorInfo#of(Throwable)} describes it. */
    public Builder error(Throwable throwable) {
      this.error = ErrorInfo.of(throwable);
      return this;
    }

    /** Sets the trace id; null (the default) leaves it out. */
    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    /** Sets the code location; null (the default) leaves it out. */
    public Builder source(LogSource source) {
      this.source = source;
      return this;
    }

    /** Sets the duration in milliseconds. */
    public Builder durationMs(long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    /** Sets the duration in milliseconds; null (the default) leaves it out. */
    public Builder durationMs(Long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    /**
     * Builds the event.
     *
     * @throws NullPointerException if service or host was not set
     * @throws IllegalArgumentException if the event name is blank or data nests too deeply
     */
    public LogEvent build() {
      return new LogEvent(
          id != null ? id : EventIds.newId(),
          timestamp != null ? timestamp : Instant.now(),
          level,
          event,
          userId,
          data,
          service,
          host,
          message,
          error,
          traceId,
          source,
          durationMs);
    }
  }
}
