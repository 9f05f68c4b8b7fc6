package dev.firetap.handler.internal;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.ChangeHandler;
import dev.firetap.handler.LogHandler;
import dev.firetap.redis.StreamKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What a handler reads and how its entries are decoded and run. */
public sealed interface HandlerTarget {
  /** The stream the handler's consumer group is on. */
  String stream(StreamKeys keys);

  /**
   * Decodes the {@code event} field of an entry.
   *
   * @throws dev.firetap.event.EventFormatException when it is not an event of the stream's kind
   */
  DecodedEvent decode(byte[] json);

  /** Change events of one collection, filtered by operation. */
  record Changes(String collection, Set<Operation> ops, ChangeHandler handler)
      implements HandlerTarget {
    /** Checks the collection and copies the operations. */
    public Changes {
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(ops, "ops");
      Objects.requireNonNull(handler, "handler");
      if (collection.isBlank() || collection.contains("/")) {
        throw new IllegalArgumentException(
            "change handler collection must be a collection id (not blank, no '/'), got '"
                + collection
                + "'");
      }
      if (ops.isEmpty()) {
        throw new IllegalArgumentException(
            "change handler ops must name at least one of create, update, delete, got none");
      }
      ops = Set.copyOf(EnumSet.copyOf(ops));
    }

    @Override
    public String stream(StreamKeys keys) {
      return keys.changeStream(collection);
    }

    @Override
    public DecodedEvent decode(byte[] json) {
      ChangeEvent event = EventCodec.decodeChange(json);
      return new DecodedEvent(
          event.id(),
          event.path(),
          event.path(),
          micros(event.commitTime()),
          ops.contains(event.op()),
          delivery -> handler.handle(event, delivery));
    }

    private static long micros(Instant time) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }
  }

  /** Log events of one level whose name matches a glob. */
  record Logs(Level level, EventNameGlob events, LogHandler handler) implements HandlerTarget {
    /** Rejects nulls. */
    public Logs {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(handler, "handler");
    }

    @Override
    public String stream(StreamKeys keys) {
      return keys.logStream(level);
    }

    @Override
    public DecodedEvent decode(byte[] json) {
      LogEvent event = EventCodec.decodeLog(json);
      return new DecodedEvent(
          event.id(),
          event.event(),
          null,
          0,
          events.matches(event.event()),
          delivery -> handler.handle(event, delivery));
    }
  }
}
