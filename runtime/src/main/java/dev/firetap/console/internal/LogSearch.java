package dev.firetap.console.internal;

import dev.firetap.event.EventCodec;
import dev.firetap.event.EventFormatException;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.redis.StreamEntries;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the newest log events that match a {@link LogQuery}: reads each level's stream backwards
 * with XREVRANGE, a page at a time, until enough events matched or {@link #MAX_SCANNED} entries
 * were read, then merges the levels newest first.
 */
final class LogSearch {
  /** Entries read per level at most, so that a filter nothing matches costs a bounded read. */
  static final int MAX_SCANNED = 10_000;

  private static final int PAGE = 250;
  private static final Comparator<Found> NEWEST_FIRST =
      Comparator.comparing((Found found) -> found.event().timestamp())
          .thenComparing(Found::entryId)
          .reversed();

  private LogSearch() {}

  /** One matching event and its entry id. */
  record Found(String entryId, LogEvent event) {}

  /**
   * The matches, newest first.
   *
   * @param events at most {@code query.limit()} events
   * @param complete false when a stream was not read to its start because of {@link #MAX_SCANNED}
   */
  record Result(List<Found> events, boolean complete) {
    Result {
      events = List.copyOf(events);
    }
  }

  static Result search(
      RedisClusterCommands<byte[], byte[]> commands, StreamKeys keys, LogQuery query) {
    List<Found> found = new ArrayList<>();
    boolean complete = true;
    for (Level level : query.levels()) {
      complete &= searchLevel(commands, keys.logStream(level), query, found);
    }
    found.sort(NEWEST_FIRST);
    return new Result(found.subList(0, Math.min(query.limit(), found.size())), complete);
  }

  /** Adds the level's newest matches to {@code found}; false when the scan limit cut it short. */
  private static boolean searchLevel(
      RedisClusterCommands<byte[], byte[]> commands,
      String stream,
      LogQuery query,
      List<Found> found) {
    byte[] key = stream.getBytes(StandardCharsets.UTF_8);
    Range.Boundary<String> upper = Range.Boundary.including("+");
    int matched = 0;
    int scanned = 0;
    while (scanned < MAX_SCANNED) {
      int wanted = Math.min(PAGE, MAX_SCANNED - scanned);
      List<StreamMessage<byte[], byte[]>> page =
          commands.xrevrange(
              key, Range.from(Range.Boundary.including("-"), upper), Limit.from(wanted));
      for (StreamMessage<byte[], byte[]> entry : page) {
        Optional<LogEvent> event = decode(entry.getBody()).filter(query::matches);
        if (event.isPresent() && matched < query.limit()) {
          found.add(new Found(entry.getId(), event.get()));
          matched++;
        }
      }
      scanned += page.size();
      if (page.size() < wanted || matched >= query.limit()) {
        return true;
      }
      upper = Range.Boundary.excluding(page.get(page.size() - 1).getId());
    }
    return false;
  }

  /** The entry's log event; empty for an entry that holds none (it is skipped). */
  private static Optional<LogEvent> decode(Map<byte[], byte[]> body) {
    try {
      return Optional.of(EventCodec.decodeLog(StreamEntries.event(body)));
    } catch (EventFormatException e) {
      return Optional.empty();
    }
  }
}
