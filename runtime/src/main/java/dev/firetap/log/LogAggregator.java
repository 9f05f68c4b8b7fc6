package dev.firetap.log;

import dev.firetap.ProcessIdentity;
import dev.firetap.emit.Emitter;
import dev.firetap.emit.PendingLogEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventFormatException;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.log.internal.ErrorArchive;
import dev.firetap.log.internal.StatsReader;
import dev.firetap.log.internal.WallTime;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.StreamEntries;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured log events on Redis: each event goes to the capped stream of its level and is counted
 * per UTC day; error events are also stored permanently in Firestore.
 *
 * <p>The logging methods never wait on the network and never throw because of Redis or Firestore;
 * the query methods ({@link #recent}, {@link #stats}) read Redis on the caller's thread.
 */
public final class LogAggregator {
  private static final Logger log = LoggerFactory.getLogger(LogAggregator.class);

  private final Emitter emitter;
  private final ErrorArchive errors;
  private final ProcessIdentity identity;
  private final StreamKeys keys;
  private final LazyConnection redis;
  private final Clock clock;
  private final WallTime wallTime;

  /** Wires the aggregator; applications get theirs from {@code Firetap.logs()}. */
  public LogAggregator(
      Emitter emitter,
      ErrorArchive errors,
      ProcessIdentity identity,
      StreamKeys keys,
      LazyConnection redis,
      Clock clock) {
    this.emitter = Objects.requireNonNull(emitter, "emitter");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.wallTime = new WallTime(clock);
  }

  /**
   * Logs a complete event; error events are also stored in Firestore.
   *
   * @return false when the event was dropped (see {@link Emitter#emit(LogEvent)})
   */
  public boolean log(LogEvent event) {
    Objects.requireNonNull(event, "event");
    if (event.level() == Level.ERROR) {
      errors.store(event);
    }
    return emitter.emit(event);
  }

  /**
   * Starts a log event of {@code level} named {@code event}, with this process's service and host;
   * finish it with {@link LogEntry#log()}.
   */
  public LogEntry at(Level level, String event) {
    LogEvent.Builder builder =
        LogEvent.builder(
                Objects.requireNonNull(level, "level"), Objects.requireNonNull(event, "event"))
            .service(identity.service())
            .host(identity.host())
            .timestamp(clock.instant());
    return new LogEntry(this, builder);
  }

  /**
   * Logs an event that the emitter's sender thread finishes, so that the caller only hands it over:
   * {@code details} runs there, later, on a builder with this process's service and host and the
   * time of this call, and must read only values it captured. Error events are built at once, since
   * they are also stored in Firestore.
   *
   * @return false when the event was dropped (see {@link Emitter#emit(LogEvent)})
   */
  public boolean logLater(Level level, String event, Consumer<LogEvent.Builder> details) {
    return logLater(level, event, System.nanoTime(), details);
  }

  /**
   * Like {@link #logLater(Level, String, Consumer)}, for an event that happened when {@link
   * System#nanoTime()} read {@code nanoTime}: its timestamp is worked out from that reading where
   * the event is built, so the caller reads no clock at all.
   */
  public boolean logLater(
      Level level, String event, long nanoTime, Consumer<LogEvent.Builder> details) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(details, "details");
    PendingLogEvent pending =
        () -> {
          LogEvent.Builder builder =
              LogEvent.builder(level, event)
                  .service(identity.service())
                  .host(identity.host())
                  .timestamp(wallTime.at(nanoTime));
          details.accept(builder);
          return builder.build();
        };
    return level == Level.ERROR ? log(pending.build()) : emitter.emit(pending);
  }

  /** Logs a debug event with {@code data}. */
  public boolean debug(String event, Map<String, ?> data) {
    return at(Level.DEBUG, event).data(data).log();
  }

  /** Logs an info event with {@code data}. */
  public boolean info(String event, Map<String, ?> data) {
    return at(Level.INFO, event).data(data).log();
  }

  /** Logs a warn event with {@code data}. */
  public boolean warn(String event, Map<String, ?> data) {
    return at(Level.WARN, event).data(data).log();
  }

  /** Logs an error event with {@code data}; it is also stored in Firestore. */
  public boolean error(String event, Map<String, ?> data) {
    return at(Level.ERROR, event).data(data).log();
  }

  /** Logs an error event with the type, message and stack of {@code error}, and {@code data}. */
  public boolean error(String event, Throwable error, Map<String, ?> data) {
    return at(Level.ERROR, event).error(error).data(data).log();
  }

  /**
   * The newest log events of {@code level}, newest first. Entries that are not valid events are
   * skipped.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public List<LogEvent> recent(Level level, int limit) {
    Objects.requireNonNull(level, "level");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    List<StreamMessage<byte[], byte[]>> entries =
        redis
            .commands()
            .xrevrange(
                keys.logStream(level).getBytes(StandardCharsets.UTF_8),
                Range.unbounded(),
                Limit.from(limit));
    List<LogEvent> events = new ArrayList<>(entries.size());
    for (StreamMessage<byte[], byte[]> entry : entries) {
      decode(entry).ifPresent(events::add);
    }
    return events;
  }

  /** Today's (UTC) counts per level. */
  public LogStats statsToday() {
    return stats(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  /**
   * The counts per level of one UTC date; all zero for a date without events.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public LogStats stats(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return StatsReader.read(redis.commands(), keys, date);
  }

  private Optional<LogEvent> decode(StreamMessage<byte[], byte[]> entry) {
    try {
      return Optional.of(EventCodec.decodeLog(StreamEntries.event(entry.getBody())));
    } catch (EventFormatException e) {
      log.debug("skipping log entry {}: {}", entry.getId(), e.getMessage());
      return Optional.empty();
    }
  }
}
