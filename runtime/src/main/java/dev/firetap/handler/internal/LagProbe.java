package dev.firetap.handler.internal;

import dev.firetap.handler.HandlerLag;
import dev.firetap.redis.KeyScan;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Measures how far a handler's consumer group is behind its stream. */
public final class LagProbe {
  private LagProbe() {}

  /**
   * The lag of group {@code handlerId} on {@code stream}; all zero when the group is missing.
   *
   * @param keys where the count of the handler's lost entries is
   */
  public static HandlerLag measure(
      RedisClusterCommands<byte[], byte[]> commands,
      HandlerKeys keys,
      String handlerId,
      String stream) {
    byte[] key = Bytes.of(stream);
    if (commands.exists(key) == 0) {
      return new HandlerLag(handlerId, stream, 0, 0, Duration.ZERO, 0);
    }
    List<Object> group = group(commands.xinfoGroups(key), handlerId);
    if (group == null) {
      return new HandlerLag(handlerId, stream, 0, 0, Duration.ZERO, 0);
    }
    Object lag = value(group, "lag");
    long behind = lag instanceof Long count ? count : -1;
    PendingMessages pending = commands.xpending(key, Bytes.of(handlerId));
    long lost = lost(commands, keys, handlerId, stream);
    return new HandlerLag(handlerId, stream, pending.getCount(), behind, age(pending), lost);
  }

  /**
   * The lag of every consumer group on every change and log stream under the prefix of {@code
   * streamKeys}, whether or not a running handler owns it, sorted by stream and then group.
   */
  public static List<HandlerLag> measureAll(
      RedisClusterCommands<byte[], byte[]> commands, StreamKeys streamKeys, HandlerKeys keys) {
    TreeSet<String> streams = new TreeSet<>();
    streams.addAll(KeyScan.streams(commands, streamKeys.allChangeStreams()));
    streams.addAll(KeyScan.streams(commands, streamKeys.allLogStreams()));
    List<HandlerLag> lags = new ArrayList<>();
    for (String stream : streams) {
      for (String group : groupNames(commands.xinfoGroups(Bytes.of(stream)))) {
        lags.add(measure(commands, keys, group, stream));
      }
    }
    return lags;
  }

  private static long lost(
      RedisClusterCommands<byte[], byte[]> commands,
      HandlerKeys keys,
      String handlerId,
      String stream) {
    byte[] count = commands.hget(Bytes.of(keys.lost(stream, handlerId)), Bytes.of(stream));
    return count == null ? 0 : Long.parseLong(Bytes.text(count));
  }

  @SuppressWarnings("unchecked")
  private static TreeSet<String> groupNames(List<Object> groups) {
    TreeSet<String> names = new TreeSet<>();
    for (Object group : groups) {
      Object name = value((List<Object>) group, "name");
      if (name instanceof byte[] bytes) {
        names.add(Bytes.text(bytes));
      }
    }
    return names;
  }

  private static Duration age(PendingMessages pending) {
    if (pending.getCount() == 0 || pending.getMessageIds().getLower().getValue() == null) {
      return Duration.ZERO;
    }
    String oldest = pending.getMessageIds().getLower().getValue();
    long addedMillis = Long.parseLong(oldest.substring(0, oldest.indexOf('-')));
    return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - addedMillis));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> group(List<Object> groups, String name) {
    for (Object group : groups) {
      List<Object> fields = (List<Object>) group;
      Object groupName = value(fields, "name");
      if (groupName instanceof byte[] bytes && name.equals(Bytes.text(bytes))) {
        return fields;
      }
    }
    return null;
  }

  /** The value after {@code field} in a flat field-value reply; null when absent or nil. */
  private static Object value(List<Object> fields, String field) {
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      Object name = fields.get(i);
      String text = name instanceof byte[] bytes ? Bytes.text(bytes) : String.valueOf(name);
      if (text.equals(field)) {
        return fields.get(i + 1);
      }
    }
    return null;
  }
}
