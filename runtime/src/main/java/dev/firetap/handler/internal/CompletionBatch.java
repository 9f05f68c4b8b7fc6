package dev.firetap.handler.internal;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one thread's share of a batch that are finished but not yet written: entries to
 * acknowledge only (filtered out or already done) and entries the handler completed, whose
 * completion records and handled commit times are written with the acknowledgement.
 */
final class CompletionBatch {
  private static final byte[] ONE = Bytes.of("1");

  private final LoopContext loop;
  private final List<String> acknowledged = new ArrayList<>();
  private final List<byte[]> doneKeys = new ArrayList<>();
  private final List<byte[]> handledTimes = new ArrayList<>();

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
    doneKeys.add(Bytes.of(loop.keys().done(loop.handlerId(), event.eventId())));
    if (event.documentPath() != null) {
      handledTimes.add(Bytes.of(event.documentPath()));
      handledTimes.add(Bytes.of(Long.toString(event.commitMicros())));
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
    doneKeys.clear();
    handledTimes.clear();
  }

  /**
   * Queues, for one MULTI/EXEC, the XACK of every entry, the SET ... PX of each completion record
   * and one run of raise-handled.lua with every completed document.
   *
   * @param scriptBody true to send the script's body (EVAL) instead of its SHA-1 (EVALSHA)
   */
  void queue(RedisAsyncCommands<byte[], byte[]> commands, boolean scriptBody) {
    long retentionMillis = loop.options().dedupeRetention().toMillis();
    commands.xack(loop.streamKey(), loop.group(), acknowledged.toArray(String[]::new));
    SetArgs expiry = SetArgs.Builder.px(retentionMillis);
    for (byte[] key : doneKeys) {
      commands.set(key, ONE, expiry);
    }
    if (!handledTimes.isEmpty()) {
      byte[][] args = new byte[handledTimes.size() + 1][];
      args[0] = Bytes.of(Long.toString(retentionMillis));
      for (int i = 0; i < handledTimes.size(); i++) {
        args[i + 1] = handledTimes.get(i);
      }
      byte[] handled = Bytes.of(loop.keys().handled(loop.handlerId()));
      RaiseHandledScript.queue(commands, handled, args, scriptBody);
    }
  }
}
