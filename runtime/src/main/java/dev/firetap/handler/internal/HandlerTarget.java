package dev.firetap.handler.internal;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventHeaders;
import dev.firetap.event.EventHeaders.ChangeHeader;
import dev.firetap.event.EventHeaders.LogHeader;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.ChangeHandler;
import dev.firetap.handler.LogHandler;
import dev.firetap.redis.StreamKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a handler reads and how its entries are decoded and run. */
public sealed interface HandlerTarget {
  /** The streams the handler's consumer group is on: one, or one per shard of a collection. */
  List<String> streams(StreamKeys keys);

  /**
   * Reads the routing fields of the {@code event} field of an entry; the rest is decoded when the
   * event runs.
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
    public List<String> streams(StreamKeys keys) {
      return keys.changeStreams(collection);
    }

    @Override
    public DecodedEvent decode(byte[] json) {
      ChangeHeader header = EventHeaders.change(json);
      return new DecodedEvent(
          header.id(),
          header.path(),
          header.path(),
          micros(header.commitTime()),
          ops.contains(header.op()),
          () -> {
            ChangeEvent event = EventCodec.decodeChange(json);
            return delivery -> handler.handle(event, delivery);
          });
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
    public List<String> streams(StreamKeys keys) {
      return List.of(keys.logStream(level));
    }

    @Override
    public DecodedEvent decode(byte[] json) {
      LogHeader header = EventHeaders.log(json);
      return new DecodedEvent(
          header.id(),
          header.event(),
          null,
          0,
          events.matches(header.event()),
          () -> {
            LogEvent event = EventCodec.decodeLog(json);
            return delivery -> handler.handle(event, delivery);
          });
    }
  }
}
