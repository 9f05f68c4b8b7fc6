package dev.firetap.handler.internal;

import dev.firetap.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The entries of one thread's share of a batch that are finished but not yet written: entries to
 * acknowledge only (filtered out or already done) and entries the handler completed, whose
 * completion records and handled commit times are written with the acknowledgement.
 */
final class CompletionBatch {
  private static final RedisScript COMPLETE =
      RedisScript.load(CompletionBatch.class, "complete-batch.lua");

  private final LoopContext loop;
  private final List<String> acknowledged = new ArrayList<>();
  private final List<byte[]> doneIds = new ArrayList<>();
  private final List<HandledTime> handledTimes = new ArrayList<>();

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
      handledTimes.add(new HandledTime(event.commitMicros(), Bytes.of(event.documentPath())));
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
   * Writes, in one atomic script call ({@code complete-batch.lua}), the XACK of every entry, the
   * completed event ids into the current completion bucket, and the documents' commit times into
   * the current handled bucket with ZADD GT, which raises a document's time and never lowers it.
   * Commit times in microseconds are exact as scores: they stay far below 2^53.
   *
   * @return completes when Redis has run it
   */
  CompletionStage<Long> write(RedisAsyncCommands<byte[], byte[]> commands) {
    RetentionBuckets buckets = loop.buckets();
    long bucket = buckets.current(System.currentTimeMillis());
    byte[][] keys = {
      loop.streamKey(),
      Bytes.of(loop.keys().done(loop.stream(), loop.handlerId(), bucket)),
      Bytes.of(loop.keys().handled(loop.stream(), loop.handlerId(), bucket))
    };
    List<byte[]> arguments =
        new ArrayList<>(5 + acknowledged.size() + doneIds.size() + 2 * handledTimes.size());
    arguments.add(loop.group());
    arguments.add(Bytes.of(Long.toString(buckets.expiresAtMillis(bucket))));
    arguments.add(Bytes.of(Integer.toString(acknowledged.size())));
    acknowledged.forEach(id -> arguments.add(Bytes.of(id)));
    arguments.add(Bytes.of(Integer.toString(doneIds.size())));
    arguments.addAll(doneIds);
    handledTimes.forEach(
        time -> {
          arguments.add(Bytes.of(Long.toString(time.micros())));
          arguments.add(time.path());
        });
    return COMPLETE.run(commands, ScriptOutputType.INTEGER, keys, arguments.toArray(byte[][]::new));
  }

  /** A document's commit time to record as handled. */
  private record HandledTime(long micros, byte[] path) {}
}
