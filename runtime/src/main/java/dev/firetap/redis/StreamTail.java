package dev.firetap.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows one stream with plain XREAD (no consumer group, so it acknowledges nothing and takes no
 * event from a handler), from its oldest entry or from the entries added after the start. The
 * connection must be one of its own: XREAD blocks it while waiting, and its timeout must allow for
 * {@link #BLOCK} (see {@link RedisConnector#RedisConnector(RedisEndpoint, Duration, Duration)}).
 */
public final class StreamTail {
  /** How long one XREAD waits for new entries. */
  public static final Duration BLOCK = Duration.ofSeconds(1);

  private static final int PAGE = 100;

  private final RedisClusterCommands<byte[], byte[]> commands;
  private final byte[] key;

  /** A tail of {@code stream} over {@code commands}. */
  public StreamTail(RedisClusterCommands<byte[], byte[]> commands, String stream) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.key = stream.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The id after which a tail reads: 0-0 from the start, else the newest entry's id (0-0 for an
   * empty stream), which is what XREAD's {@code $} means, fixed once so no entry is missed between
   * two reads.
   */
  public String startId(boolean fromStart) {
    if (fromStart) {
      return "0-0";
    }
    List<StreamMessage<byte[], byte[]>> newest =
        commands.xrevrange(key, Range.unbounded(), Limit.from(1));
    return newest.isEmpty() ? "0-0" : newest.get(0).getId();
  }

  /**
   * The next entries after {@code afterId}, at most 100, waiting up to {@link #BLOCK} for the
   * first; empty when none arrived. An entry without an event field has an empty event.
   *
   * @throws RedisCommandInterruptedException when the thread is interrupted while waiting
   */
  public List<Entry> next(String afterId) {
    List<StreamMessage<byte[], byte[]>> page =
        commands.xread(
            XReadArgs.Builder.block(BLOCK).count(PAGE), XReadArgs.StreamOffset.from(key, afterId));
    List<Entry> entries = new ArrayList<>(page.size());
    for (StreamMessage<byte[], byte[]> message : page) {
      entries.add(new Entry(message.getId(), StreamEntries.event(message.getBody())));
    }
    return entries;
  }

  /**
   * Hands each entry after {@code afterId} to {@code sink}, waiting for new entries, until {@code
   * count} entries were handed over (0: until the thread is interrupted).
   */
  public void follow(String afterId, long count, Consumer<Entry> sink) {
    String last = afterId;
    long seen = 0;
    while ((count == 0 || seen < count) && !Thread.currentThread().isInterrupted()) {
      List<Entry> page;
      try {
        page = next(last);
      } catch (RedisCommandInterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (Entry entry : page) {
        last = entry.id();
        sink.accept(entry);
        if (++seen == count) {
          return;
        }
      }
    }
  }

  /**
   * One stream entry.
   *
   * @param id the entry id
   * @param event the event JSON of its {@code event} field
   */
  public record Entry(String id, byte[] event) {}
}
