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
 * What Redis held, when a batch was read, about the batch's events: which were completed and the
 * latest handled commit time of each document. Read once per batch by the reader, in one round trip
 * while the threads still run the previous batch; immutable, so every thread of the batch reads it.
 *
 * @param doneEventIds the ids of the batch's events that have a completion record
 * @param handledMicros per document of the batch, the latest commit time handled
 */
record CompletionRecords(Set<String> doneEventIds, Map<String, Long> handledMicros) {
  static final CompletionRecords NONE = new CompletionRecords(Set.of(), Map.of());

  CompletionRecords {
    doneEventIds = Set.copyOf(doneEventIds);
    handledMicros = Map.copyOf(handledMicros);
  }

  /**
   * Reads the completion records of the wanted events of {@code batch} and the handled commit times
   * of their documents from every live bucket (HMGET and ZMSCORE each) in one round trip.
   *
   * @throws LoopStopped when the loop stops before Redis answers
   */
  static CompletionRecords lookUp(
      HandlerConnection connection, LoopContext loop, List<BatchEntry> batch) {
    List<String> eventIds = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    for (BatchEntry item : batch) {
      DecodedEvent event = item.decoding().event();
      if (event != null && event.wanted()) {
        eventIds.add(event.eventId());
        if (event.documentPath() != null) {
          paths.add(event.documentPath());
        }
      }
    }
    if (eventIds.isEmpty()) {
      return NONE;
    }
    List<String> documents = List.copyOf(paths);
    return connection.pipelined(commands -> read(commands, loop, eventIds, documents));
  }

  private static CompletionStage<CompletionRecords> read(
      RedisAsyncCommands<byte[], byte[]> commands,
      LoopContext loop,
      List<String> eventIds,
      List<String> paths) {
    byte[][] ids = eventIds.stream().map(Bytes::of).toArray(byte[][]::new);
    byte[][] documents = paths.stream().map(Bytes::of).toArray(byte[][]::new);
    RetentionBuckets buckets = loop.buckets();
    long now = System.currentTimeMillis();
    List<CompletableFuture<List<KeyValue<byte[], byte[]>>>> done = new ArrayList<>();
    List<CompletableFuture<List<Double>>> handled = new ArrayList<>();
    for (long b = buckets.oldestLive(now); b <= buckets.current(now); b++) {
      done.add(
          commands
              .hmget(Bytes.of(loop.keys().done(loop.stream(), loop.handlerId(), b)), ids)
              .toCompletableFuture());
      if (documents.length > 0) {
        handled.add(
            commands
                .zmscore(
                    Bytes.of(loop.keys().handled(loop.stream(), loop.handlerId(), b)), documents)
                .toCompletableFuture());
      }
    }
    List<CompletableFuture<?>> all = new ArrayList<>(done);
    all.addAll(handled);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> of(eventIds, joined(done), paths, joined(handled)));
  }

  private static <T> List<List<T>> joined(List<CompletableFuture<List<T>>> replies) {
    return replies.stream().map(CompletableFuture::join).toList();
  }

  private static CompletionRecords of(
      List<String> eventIds,
      List<List<KeyValue<byte[], byte[]>>> records,
      List<String> paths,
      List<List<Double>> times) {
    Set<String> done = new HashSet<>();
    for (List<KeyValue<byte[], byte[]>> bucket : records) {
      for (int i = 0; i < eventIds.size(); i++) {
        if (bucket.get(i).hasValue()) {
          done.add(eventIds.get(i));
        }
      }
    }
    Map<String, Long> handled = new HashMap<>();
    for (List<Double> bucket : times) {
      for (int i = 0; i < paths.size(); i++) {
        Double micros = bucket.get(i);
        if (micros != null) {
          handled.merge(paths.get(i), micros.longValue(), Math::max);
        }
      }
    }
    return new CompletionRecords(done, handled);
  }
}
