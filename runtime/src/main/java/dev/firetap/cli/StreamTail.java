package dev.firetap.cli;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows one stream with plain XREAD (no consumer group, so it acknowledges nothing and takes no
 * event from a handler), from its oldest entry or from the entries added after the start.
 */
final class StreamTail {
  /** How long one XREAD waits for new entries; the connection's timeout must allow for it. */
  static final Duration BLOCK = Duration.ofSeconds(1);

  private static final byte[] EVENT_FIELD = "event".getBytes(StandardCharsets.UTF_8);
  private static final int PAGE = 100;

  private final RedisCommands<byte[], byte[]> commands;
  private final byte[] key;

  StreamTail(RedisCommands<byte[], byte[]> commands, String stream) {
    this.commands = commands;
    this.key = stream.getBytes(StandardCharsets.UTF_8);
  }

  /** The id after which a tail that starts now reads: the newest entry's, or 0-0. */
  String startId(boolean fromStart) {
    if (fromStart) {
      return "0-0";
    }
    List<StreamMessage<byte[], byte[]>> newest =
        commands.xrevrange(key, Range.unbounded(), Limit.from(1));
    return newest.isEmpty() ? "0-0" : newest.get(0).getId();
  }

  /**
   * Hands the {@code event} field of each entry after {@code afterId} to {@code sink}, waiting for
   * new entries, until {@code count} entries were handed over (0: until the thread is interrupted).
   * An entry without an event field is handed over as an empty array.
   */
  void follow(String afterId, long count, Consumer<Entry> sink) {
    String last = afterId;
    long seen = 0;
    while ((count == 0 || seen < count) && !Thread.currentThread().isInterrupted()) {
      List<StreamMessage<byte[], byte[]>> page;
      try {
        page =
            commands.xread(
                XReadArgs.Builder.block(BLOCK).count(PAGE), XReadArgs.StreamOffset.from(key, last));
      } catch (RedisCommandInterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (StreamMessage<byte[], byte[]> message : page) {
        last = message.getId();
        sink.accept(new Entry(last, event(message.getBody())));
        if (++seen == count) {
          return;
        }
      }
    }
  }

  private static byte[] event(Map<byte[], byte[]> body) {
    for (Map.Entry<byte[], byte[]> field : body.entrySet()) {
      if (Arrays.equals(field.getKey(), EVENT_FIELD)) {
        return field.getValue();
      }
    }
    return new byte[0];
  }

  /** One stream entry: its id and its event JSON. */
  record Entry(String id, byte[] event) {}
}
