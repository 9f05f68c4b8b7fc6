package dev.firetap.handler.internal;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What one thread of a handler loop knows about the entries of its share of a batch: which events
 * were completed and the latest handled commit time of each document. It is read from Redis once
 * when the share starts, and entries completed during the share are added, so each later entry sees
 * what it would have seen had it read Redis itself.
 */
final class KnownCompletions {
  private final Set<String> doneEventIds;
  private final Map<String, Long> handledMicros;

  private KnownCompletions(Set<String> doneEventIds, Map<String, Long> handledMicros) {
    this.doneEventIds = doneEventIds;
    this.handledMicros = handledMicros;
  }

  /**
   * Reads the completion records of the wanted events of {@code share} (MGET) and the handled
   * commit times of their documents (HMGET) in one round trip.
   *
   * @throws LoopStopped when the loop stops before Redis answers
   */
  static KnownCompletions lookUp(
      HandlerConnection connection, LoopContext loop, List<BatchEntry> share) {
    List<String> eventIds = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    for (BatchEntry item : share) {
      DecodedEvent event = item.decoding().event();
      if (event != null && event.wanted()) {
        eventIds.add(event.eventId());
        if (event.documentPath() != null) {
          paths.add(event.documentPath());
        }
      }
    }
    if (eventIds.isEmpty()) {
      return new KnownCompletions(new HashSet<>(), new HashMap<>());
    }
    List<String> documents = List.copyOf(paths);
    return connection.pipelined(commands -> read(commands, loop, eventIds, documents));
  }

  private static CompletionStage<KnownCompletions> read(
      RedisAsyncCommands<byte[], byte[]> commands,
      LoopContext loop,
      List<String> eventIds,
      List<String> paths) {
    byte[][] doneKeys = new byte[eventIds.size()][];
    for (int i = 0; i < doneKeys.length; i++) {
      doneKeys[i] = Bytes.of(loop.keys().done(loop.handlerId(), eventIds.get(i)));
    }
    CompletionStage<List<KeyValue<byte[], byte[]>>> done = commands.mget(doneKeys);
    CompletionStage<List<KeyValue<byte[], byte[]>>> handled =
        paths.isEmpty()
            ? CompletableFuture.completedFuture(List.of())
            : commands.hmget(
                Bytes.of(loop.keys().handled(loop.handlerId())),
                paths.stream().map(Bytes::of).toArray(byte[][]::new));
    return done.thenCombine(handled, (records, times) -> of(eventIds, records, paths, times));
  }

  private static KnownCompletions of(
      List<String> eventIds,
      List<KeyValue<byte[], byte[]>> records,
      List<String> paths,
      List<KeyValue<byte[], byte[]>> times) {
    Set<String> done = new HashSet<>();
    for (int i = 0; i < eventIds.size(); i++) {
      if (records.get(i).hasValue()) {
        done.add(eventIds.get(i));
      }
    }
    Map<String, Long> handled = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      if (times.get(i).hasValue()) {
        handled.put(paths.get(i), Long.parseLong(Bytes.text(times.get(i).getValue())));
      }
    }
    return new KnownCompletions(done, handled);
  }

  /** True when the event was completed before, by any worker or earlier in this share. */
  boolean done(DecodedEvent event) {
    return doneEventIds.contains(event.eventId());
  }

  /** True when a later change of the event's document was handled already. */
  boolean stale(DecodedEvent event) {
    if (event.documentPath() == null) {
      return false;
    }
    Long handled = handledMicros.get(event.documentPath());
    return handled != null && handled > event.commitMicros();
  }

  /** Records that the event was completed, as its completion will write it to Redis. */
  void completed(DecodedEvent event) {
    doneEventIds.add(event.eventId());
    if (event.documentPath() != null) {
      handledMicros.merge(event.documentPath(), event.commitMicros(), Math::max);
    }
  }
}
