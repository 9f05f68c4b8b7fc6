package dev.firetap.handler.internal;

import dev.firetap.handler.DeadLetter;
import dev.firetap.redis.KeyScan;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter streams {@code <prefix>:dlq:<handlerId>}: entries a handler failed on or could
 * not decode, with the original event JSON and the failure, until they are replayed. In a cluster a
 * handler has one per stream (see {@link HandlerKeys}); listing and replay cover them all.
 */
public final class DeadLetterStore {
  private static final int MAX_STACK_CHARS = 16_384;
  private static final int PAGE = 1000;

  private final HandlerKeys keys;

  /** Creates the store for the keys of one runtime. */
  public DeadLetterStore(HandlerKeys keys) {
    this.keys = keys;
  }

  /**
   * Moves an entry of the handler's stream to its dead-letter stream and acknowledges it, in one
   * MULTI/EXEC.
   */
  void move(
      HandlerConnection connection,
      LoopContext loop,
      StreamEntry entry,
      Throwable failure,
      int attempts) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(Bytes.of("event"), entry.event() == null ? new byte[0] : entry.event());
    fields.put(Bytes.of("stream"), Bytes.of(loop.stream()));
    fields.put(Bytes.of("entryId"), Bytes.of(entry.id()));
    fields.put(Bytes.of("error"), Bytes.of(describe(failure)));
    fields.put(Bytes.of("stack"), Bytes.of(stack(failure)));
    fields.put(Bytes.of("attempts"), Bytes.of(Integer.toString(attempts)));
    fields.put(Bytes.of("failedAt"), Bytes.of(Instant.now().toString()));
    byte[] deadLetters = Bytes.of(keys.deadLetters(loop.stream(), loop.handlerId()));
    connection.transaction(
        commands -> {
          commands.xadd(deadLetters, fields);
          commands.xack(loop.streamKey(), loop.group(), entry.id());
        });
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
   * not dead letters of the handler are skipped.
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
        Instant.parse(Bytes.text(Bytes.field(body, "failedAt"))));
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
