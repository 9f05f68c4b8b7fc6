package dev.firetap.handler.internal;

import dev.firetap.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final RedisScript LOOK_UP =
      RedisScript.load(CompletionRecords.class, "look-up-completions.lua");

  CompletionRecords {
    doneEventIds = Set.copyOf(doneEventIds);
    handledMicros = Map.copyOf(handledMicros);
  }

  /**
   * Reads the completion records of the wanted events of {@code batch} and the handled commit times
   * of their documents from every live bucket in one script call ({@code look-up-completions.lua}),
   * which sends back only what it found.
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
    RetentionBuckets buckets = loop.buckets();
    long now = System.currentTimeMillis();
    List<byte[]> done = new ArrayList<>();
    List<byte[]> handled = new ArrayList<>();
    for (long b = buckets.oldestLive(now); b <= buckets.current(now); b++) {
      done.add(Bytes.of(loop.keys().done(loop.stream(), loop.handlerId(), b)));
      handled.add(Bytes.of(loop.keys().handled(loop.stream(), loop.handlerId(), b)));
    }
    List<byte[]> keys = new ArrayList<>(done);
    keys.addAll(handled);
    byte[][] arguments = new byte[1 + eventIds.size() + paths.size()][];
    arguments[0] = Bytes.of(Integer.toString(eventIds.size()));
    for (int i = 0; i < eventIds.size(); i++) {
      arguments[1 + i] = Bytes.of(eventIds.get(i));
    }
    for (int i = 0; i < paths.size(); i++) {
      arguments[1 + eventIds.size() + i] = Bytes.of(paths.get(i));
    }
    return LOOK_UP
        .<List<Object>>run(commands, ScriptOutputType.MULTI, keys.toArray(byte[][]::new), arguments)
        .thenApply(reply -> of(eventIds, paths, reply));
  }

  /** Reads the script's reply: positions of done ids, then pairs of path position and time. */
  private static CompletionRecords of(
      List<String> eventIds, List<String> paths, List<Object> reply) {
    Set<String> done = new HashSet<>();
    for (Object position : (List<?>) reply.get(0)) {
      done.add(eventIds.get(((Long) position).intValue() - 1));
    }
    Map<String, Long> handled = new HashMap<>();
    List<?> times = (List<?>) reply.get(1);
    for (int i = 0; i < times.size(); i += 2) {
      String path = paths.get(((Long) times.get(i)).intValue() - 1);
      handled.put(path, Long.parseLong(Bytes.text((byte[]) times.get(i + 1))));
    }
    return new CompletionRecords(done, handled);
  }
}
