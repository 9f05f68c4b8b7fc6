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

  /** The lag of group {@code handlerId} on {@code stream}; all zero when the group is missing. */
  public static HandlerLag measure(
      RedisClusterCommands<byte[], byte[]> commands, String handlerId, String stream) {
    byte[] key = Bytes.of(stream);
    if (commands.exists(key) == 0) {
      return new HandlerLag(handlerId, stream, 0, 0, Duration.ZERO);
    }
    List<Object> group = group(commands.xinfoGroups(key), handlerId);
    if (group == null) {
      return new HandlerLag(handlerId, stream, 0, 0, Duration.ZERO);
    }
    Object lag = value(group, "lag");
    long behind = lag instanceof Long count ? count : -1;
    PendingMessages pending = commands.xpending(key, Bytes.of(handlerId));
    return new HandlerLag(handlerId, stream, pending.getCount(), behind, age(pending));
  }

  /**
   * The lag of every consumer group on every change and log stream under the prefix of {@code
   * keys}, whether or not a running handler owns it, sorted by stream and then group.
   */
  public static List<HandlerLag> measureAll(
      RedisClusterCommands<byte[], byte[]> commands, StreamKeys keys) {
    TreeSet<String> streams = new TreeSet<>();
    streams.addAll(KeyScan.streams(commands, keys.allChangeStreams()));
    streams.addAll(KeyScan.streams(commands, keys.allLogStreams()));
    List<HandlerLag> lags = new ArrayList<>();
    for (String stream : streams) {
      for (String group : groupNames(commands.xinfoGroups(Bytes.of(stream)))) {
        lags.add(measure(commands, group, stream));
      }
    }
    return lags;
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
