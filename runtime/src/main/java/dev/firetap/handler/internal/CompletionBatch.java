package dev.firetap.handler.internal;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one thread's share of a batch that are finished but not yet written: entries to
 * acknowledge only (filtered out or already done) and entries the handler completed, whose
 * completion records and handled commit times are written with the acknowledgement.
 */
final class CompletionBatch {
  private static final byte[] ONE = Bytes.of("1");

  private final LoopContext loop;
  private final List<String> acknowledged = new ArrayList<>();
  private final List<byte[]> doneIds = new ArrayList<>();
  private final List<ScoredValue<byte[]>> handledTimes = new ArrayList<>();

  CompletionBatch(LoopContext loop) {
    this.loop = loop;
  }

  /** Adds an entry to acknowledge without recording a completion. */
  void acknowledge(StreamEntry entry) {
    acknowledged.add(entry.id());
  }

  /** Adds an entry the handler completed. */
  void complete(StreamEntry entry, DecodedEvent event) {
    acknowledged.add(entry.id());
    doneIds.add(Bytes.of(event.eventId()));
    if (event.documentPath() != null) {
      handledTimes.add(ScoredValue.just(event.commitMicros(), Bytes.of(event.documentPath())));
    }
  }

  boolean isEmpty() {
    return acknowledged.isEmpty();
  }

  int size() {
    return acknowledged.size();
  }

  void clear() {
    acknowledged.clear();
    doneIds.clear();
    handledTimes.clear();
  }

  /**
   * Queues, for one MULTI/EXEC, the XACK of every entry, one HSET of the completed event ids into
   * the current completion bucket, and one ZADD GT of the documents' commit times into the current
   * handled bucket, which raises a document's time and never lowers it. Commit times in
   * microseconds are exact as scores: they stay far below 2^53.
   */
  void queue(RedisAsyncCommands<byte[], byte[]> commands) {
    RetentionBuckets buckets = loop.buckets();
    long bucket = buckets.current(System.currentTimeMillis());
    long expiresAt = buckets.expiresAtMillis(bucket);
    commands.xack(loop.streamKey(), loop.group(), acknowledged.toArray(String[]::new));
    if (!doneIds.isEmpty()) {
      byte[] done = Bytes.of(loop.keys().done(loop.stream(), loop.handlerId(), bucket));
      Map<byte[], byte[]> fields = new LinkedHashMap<>();
      doneIds.forEach(id -> fields.put(id, ONE));
      commands.hset(done, fields);
      commands.pexpireat(done, expiresAt);
    }
    if (!handledTimes.isEmpty()) {
      byte[] handled = Bytes.of(loop.keys().handled(loop.stream(), loop.handlerId(), bucket));
      @SuppressWarnings("unchecked") // a generic array of the scored values
      ScoredValue<byte[]>[] times = handledTimes.toArray(ScoredValue[]::new);
      commands.zadd(handled, ZAddArgs.Builder.gt(), times);
      commands.pexpireat(handled, expiresAt);
    }
  }
}
