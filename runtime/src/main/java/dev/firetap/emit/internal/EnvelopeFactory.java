package dev.firetap.emit.internal;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.redis.StreamKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes events and routes them to their stream, channel and daily counter, numbering the events
 * of each stream 1, 2, 3... in the order the sender takes them from the queue. Sender thread only.
 */
final class EnvelopeFactory {

  private final StreamKeys keys;
  private final long changeMaxLen;
  private final long logMaxLen;
  private final String producerId = UUID.randomUUID().toString();
  private final Map<String, long[]> sequences = new HashMap<>();

  EnvelopeFactory(StreamKeys keys, long changeMaxLen, long logMaxLen) {
    this.keys = keys;
    this.changeMaxLen = changeMaxLen;
    this.logMaxLen = logMaxLen;
  }

  String producerId() {
    return producerId;
  }

  /** The next sequence number of this producer for {@code stream}: 1, 2, 3 and so on. */
  private long next(String stream) {
    return ++sequences.computeIfAbsent(stream, s -> new long[1])[0];
  }

  /** Encodes one queued event; throws whatever the codec throws for an event it cannot encode. */
  Envelope envelope(Object event) {
    if (event instanceof ChangeEvent change) {
      return change(change);
    }
    return log((LogEvent) event);
  }

  private Envelope change(ChangeEvent event) {
    byte[] json = EventCodec.encode(event);
    String stream = keys.changeStream(event.collection());
    return new Envelope(
        stream,
        changeMaxLen,
        keys.changeChannel(event.collection()),
        "",
        "",
        producerId,
        next(stream),
        json);
  }

  private Envelope log(LogEvent event) {
    byte[] json = EventCodec.encode(event);
    LocalDate day = LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
    String stream = keys.logStream(event.level());
    return new Envelope(
        stream,
        logMaxLen,
        "",
        keys.statsKey(day),
        event.level().wireName(),
        producerId,
        next(stream),
        json);
  }
}
