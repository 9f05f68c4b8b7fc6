package dev.firetap.handler.internal;

import dev.firetap.handler.DeadLetter;
import dev.firetap.redis.KeyScan;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter streams {@code <prefix>:dlq:<handlerId>}: entries a handler failed on or could
 * not decode, with the original event JSON and the failure, until they are replayed, and records of
 * entries trimmed from the stream before the handler handled them. Each is trimmed to about {@code
 * firetap.handlers.dlq-maxlen} entries, the oldest first. In a cluster a handler has one per stream
 * (see {@link HandlerKeys}); listing and replay cover them all.
 */
public final class DeadLetterStore {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterStore.class);
  private static final int MAX_STACK_CHARS = 16_384;
  private static final int PAGE = 1000;
  private static final int SHOWN_IDS = 5;
  private static final Duration TRIM_WARNING_INTERVAL = Duration.ofMinutes(1);
  private static final String TRIMMED_ERROR =
      "entry trimmed: the stream's length cap removed it while it was pending, before the"
          + " handler handled it; its event is lost and there is nothing to replay";

  private final HandlerKeys keys;
  private final long maxLen;
  private final Map<String, DroppedLetters> dropped = new ConcurrentHashMap<>();

  /**
   * Creates the store for the keys of one runtime.
   *
   * @param maxLen the approximate length cap of each dead-letter stream
   */
  public DeadLetterStore(HandlerKeys keys, long maxLen) {
    this.keys = keys;
    this.maxLen = maxLen;
  }

  /**
   * Moves an entry of the handler's stream to its dead-letter stream, trims that, and acknowledges
   * the entry, in one MULTI/EXEC.
   */
  void move(
      HandlerConnection connection,
      LoopContext loop,
      StreamEntry entry,
      Throwable failure,
      int attempts) {
    Letter letter =
        new Letter(
            entry.event() == null ? new byte[0] : entry.event(),
            describe(failure),
            stack(failure),
            attempts,
            false);
    byte[] deadLetters = Bytes.of(keys.deadLetters(loop.stream(), loop.handlerId()));
    Map<byte[], byte[]> fields = letter.fields(loop.stream(), entry.id(), Instant.now());
    TransactionResult result =
        connection.transaction(
            commands -> {
              commands.xadd(deadLetters, fields);
              commands.xtrim(deadLetters, true, maxLen);
              commands.xack(loop.streamKey(), loop.group(), entry.id());
            });
    warnIfTrimmed(loop, result.get(1));
  }

  /**
   * Records entries of the handler's stream that were trimmed from it while pending: per entry a
   * dead letter without event, and the handler's count of lost entries, in one MULTI/EXEC. The XACK
   * clears them from the group where Redis still lists them as pending (before Redis 7, XAUTOCLAIM
   * kept them there).
   */
  void recordTrimmed(HandlerConnection connection, LoopContext loop, List<String> entryIds) {
    Letter letter = new Letter(new byte[0], TRIMMED_ERROR, "", 0, true);
    Instant now = Instant.now();
    byte[] deadLetters = Bytes.of(keys.deadLetters(loop.stream(), loop.handlerId()));
    byte[] lost = Bytes.of(keys.lost(loop.stream(), loop.handlerId()));
    TransactionResult result =
        connection.transaction(
            commands -> {
              for (String id : entryIds) {
                commands.xadd(deadLetters, letter.fields(loop.stream(), id, now));
              }
              commands.xtrim(deadLetters, true, maxLen);
              commands.hincrby(lost, loop.streamKey(), entryIds.size());
              commands.xack(loop.streamKey(), loop.group(), entryIds.toArray(String[]::new));
            });
    warnIfTrimmed(loop, result.get(entryIds.size()));
    log.error(
        "handler {}: {} entries of {} were trimmed from the stream while pending, before the"
            + " handler handled them; they are lost to it and recorded as dead letters: {}",
        loop.handlerId(),
        entryIds.size(),
        loop.stream(),
        summary(entryIds));
  }

  /** The first few ids, and how many more there are. */
  private static String summary(List<String> ids) {
    String first = String.join(" ", ids.subList(0, Math.min(ids.size(), SHOWN_IDS)));
    return ids.size() <= SHOWN_IDS ? first : first + " and " + (ids.size() - SHOWN_IDS) + " more";
  }

  /**
   * A stream at its cap drops a few letters with nearly every new one, so the WARN comes at most
   * once a minute per stream, with the count since the one before.
   */
  private void warnIfTrimmed(LoopContext loop, Long trimmed) {
    if (trimmed == null || trimmed == 0) {
      return;
    }
    String key = keys.deadLetters(loop.stream(), loop.handlerId());
    long report = dropped.computeIfAbsent(key, k -> new DroppedLetters()).add(trimmed);
    if (report > 0) {
      log.warn(
          "handler {}: dead-letter stream {} reached its cap of {} (firetap.handlers.dlq-maxlen);"
              + " {} oldest dead letters dropped since the last such warning (one a minute at"
              + " most)",
          loop.handlerId(),
          key,
          maxLen,
          report);
    }
  }

  /** The letters dropped from one dead-letter stream since its last WARN. */
  private static final class DroppedLetters {
    private long count;
    private long nextWarning = System.nanoTime();

    /** Adds {@code letters}; returns how many to report now, or 0 while the WARN must wait. */
    synchronized long add(long letters) {
      count += letters;
      long now = System.nanoTime();
      if (now - nextWarning < 0) {
        return 0;
      }
      long report = count;
      count = 0;
      nextWarning = now + TRIM_WARNING_INTERVAL.toNanos();
      return report;
    }
  }

  /**
   * What a dead letter says about its entry.
   *
   * @param trimmed whether the entry was trimmed from the stream before the handler handled it
   */
  private record Letter(byte[] event, String error, String stack, int attempts, boolean trimmed) {
    Map<byte[], byte[]> fields(String stream, String entryId, Instant failedAt) {
      Map<byte[], byte[]> fields = new LinkedHashMap<>();
      fields.put(Bytes.of("event"), event);
      fields.put(Bytes.of("stream"), Bytes.of(stream));
      fields.put(Bytes.of("entryId"), Bytes.of(entryId));
      fields.put(Bytes.of("error"), Bytes.of(error));
      fields.put(Bytes.of("stack"), Bytes.of(stack));
      fields.put(Bytes.of("attempts"), Bytes.of(Integer.toString(attempts)));
      fields.put(Bytes.of("failedAt"), Bytes.of(failedAt.toString()));
      fields.put(Bytes.of("trimmed"), Bytes.of(Boolean.toString(trimmed)));
      return fields;
    }
  }

  /** Every dead letter of the handler, oldest first. */
  public List<DeadLetter> list(RedisClusterCommands<byte[], byte[]> commands, String handlerId) {
    List<DeadLetter> letters = new ArrayList<>();
    for (String key : streamsOf(commands, handlerId)) {
      letters.addAll(list(commands, handlerId, Bytes.of(key)));
    }
    if (keys.cluster()) {
      letters.sort(Comparator.comparing(DeadLetter::failedAt));
    }
    return letters;
  }

  private List<String> streamsOf(RedisClusterCommands<byte[], byte[]> commands, String handlerId) {
    if (!keys.cluster()) {
      return List.of(keys.deadLetters("", handlerId));
    }
    return KeyScan.streams(commands, keys.deadLetterPattern(handlerId));
  }

  private static List<DeadLetter> list(
      RedisClusterCommands<byte[], byte[]> commands, String handlerId, byte[] key) {
    List<DeadLetter> letters = new ArrayList<>();
    Range.Boundary<String> from = Range.Boundary.including("-");
    while (true) {
      List<StreamMessage<byte[], byte[]>> page =
          commands.xrange(key, Range.from(from, Range.Boundary.including("+")), Limit.from(PAGE));
      for (StreamMessage<byte[], byte[]> message : page) {
        letters.add(deadLetter(handlerId, message));
      }
      if (page.size() < PAGE) {
        return letters;
      }
      from = Range.Boundary.excluding(page.get(page.size() - 1).getId());
    }
  }

  /**
   * Moves dead letters back to their original streams: per letter, an XADD of the original event
   * JSON and an XDEL from the dead-letter stream, in one MULTI/EXEC on one server. In a cluster the
   * two keys live on different slots, so the XADD comes first and the XDEL after: a failure in
   * between replays the letter again next time, and handlers skip what they completed. Ids that are
   * not dead letters of the handler are skipped, and so are letters of trimmed entries, which have
   * no event to replay: they stay.
   *
   * @return how many were moved
   */
  public int replay(
      RedisClusterCommands<byte[], byte[]> commands, String handlerId, List<String> ids) {
    List<String> keysOfHandler = streamsOf(commands, handlerId);
    int replayed = 0;
    for (String id : ids) {
      for (String key : keysOfHandler) {
        if (replay(commands, Bytes.of(key), id)) {
          replayed++;
          break;
        }
      }
    }
    return replayed;
  }

  private static boolean replay(
      RedisClusterCommands<byte[], byte[]> commands, byte[] key, String id) {
    List<StreamMessage<byte[], byte[]>> found = commands.xrange(key, Range.create(id, id));
    if (found.isEmpty()) {
      return false;
    }
    Map<byte[], byte[]> body = found.get(0).getBody();
    if (trimmed(body)) {
      return false;
    }
    byte[] stream = Bytes.field(body, "stream");
    Map<byte[], byte[]> event = Map.of(Bytes.of("event"), Bytes.field(body, "event"));
    if (!(commands instanceof RedisCommands<byte[], byte[]> single)) {
      commands.xadd(stream, event);
      commands.xdel(key, id);
      return true;
    }
    single.multi();
    single.xadd(stream, event);
    single.xdel(key, id);
    if (single.exec().wasDiscarded()) {
      throw new IllegalStateException("Redis discarded the replay of dead letter " + id);
    }
    return true;
  }

  private static DeadLetter deadLetter(String handlerId, StreamMessage<byte[], byte[]> message) {
    Map<byte[], byte[]> body = message.getBody();
    return new DeadLetter(
        message.getId(),
        handlerId,
        Bytes.text(Bytes.field(body, "stream")),
        Bytes.text(Bytes.field(body, "entryId")),
        Bytes.text(Bytes.field(body, "event")),
        Bytes.text(Bytes.field(body, "error")),
        Bytes.text(Bytes.field(body, "stack")),
        Integer.parseInt(Bytes.text(Bytes.field(body, "attempts"))),
        Instant.parse(Bytes.text(Bytes.field(body, "failedAt"))),
        trimmed(body));
  }

  /** Letters written before trimmed entries were recorded have no such field. */
  private static boolean trimmed(Map<byte[], byte[]> body) {
    return "true".equals(Bytes.text(Bytes.field(body, "trimmed")));
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getName() + ": " + (message == null ? "" : message);
  }

  private static String stack(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    String stack = text.toString();
    return stack.length() <= MAX_STACK_CHARS ? stack : stack.substring(0, MAX_STACK_CHARS);
  }
}
