package dev.firetap.emit.internal;

import dev.firetap.emit.PendingLogEvent;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.redis.StreamKeys;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Encodes events and routes them to their stream, channel and daily counter, numbering the events
 * of each stream 1, 2, 3... in the order the sender takes them from the queue. Sender thread only.
 */
final class EnvelopeFactory {
  private static final long SECONDS_PER_DAY = 86_400;

  private final StreamKeys keys;
  private final long changeMaxLen;
  private final long logMaxLen;
  private final String producerId = UUID.randomUUID().toString();
  private final Map<String, Route> changeRoutes = new HashMap<>();
  private final Map<Level, Route> logRoutes = new EnumMap<>(Level.class);
  private long statsDay = Long.MIN_VALUE;
  private String statsKey;

  EnvelopeFactory(StreamKeys keys, long changeMaxLen, long logMaxLen) {
    this.keys = keys;
    this.changeMaxLen = changeMaxLen;
    this.logMaxLen = logMaxLen;
  }

  String producerId() {
    return producerId;
  }

  /** Encodes one queued event; throws whatever the codec throws for an event it cannot encode. */
  Envelope envelope(Object event) {
    if (event instanceof ChangeEvent change) {
      return change(change);
    }
    if (event instanceof PendingLogEvent pending) {
      return log(Objects.requireNonNull(pending.build(), "the event built by " + pending));
    }
    return log((LogEvent) event);
  }

  private Envelope change(ChangeEvent event) {
    byte[] json = EventCodec.encode(event);
    String collection = event.collection();
    Route route =
        keys.cdcShards() == 1
            ? changeRoutes.computeIfAbsent(collection, this::changeRoute)
            : changeRoutes.computeIfAbsent(
                keys.changeStream(collection, event.path()),
                stream -> changeRoute(collection, stream));
    return new Envelope(
        route.stream(), changeMaxLen, route.channel(), "", "", producerId, route.next(), json);
  }

  private Route changeRoute(String collection, String stream) {
    return new Route(stream, keys.changeChannel(collection), "");
  }

  private Route changeRoute(String collection) {
    return changeRoute(collection, keys.changeStream(collection));
  }

  private Envelope log(LogEvent event) {
    byte[] json = EventCodec.encode(event);
    Route route =
        logRoutes.computeIfAbsent(
            event.level(), level -> new Route(keys.logStream(level), "", level.wireName()));
    return new Envelope(
        route.stream(),
        logMaxLen,
        "",
        statsKey(event.timestamp().getEpochSecond(), event.level()),
        route.statsField(),
        producerId,
        route.next(),
        json);
  }

  /** The daily counter of a UTC second; events come in time order, so one day is cached. */
  private String statsKey(long epochSecond, Level level) {
    long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    if (keys.cluster()) {
      return keys.statsKey(LocalDate.ofEpochDay(day), level);
    }
    if (day != statsDay) {
      statsKey = keys.statsKey(LocalDate.ofEpochDay(day));
      statsDay = day;
    }
    return statsKey;
  }

  /** Where the events of one collection or level go, and their sequence counter. */
  private static final class Route {
    private final String stream;
    private final String channel;
    private final String statsField;
    private long sequence;

    Route(String stream, String channel, String statsField) {
      this.stream = stream;
      this.channel = channel;
      this.statsField = statsField;
    }

    String stream() {
      return stream;
    }

    String channel() {
      return channel;
    }

    String statsField() {
      return statsField;
    }

    long next() {
      return ++sequence;
    }
  }
}
