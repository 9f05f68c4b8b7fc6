package dev.firetap.console.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventFormatException;
import dev.firetap.redis.MergedTail;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live tail: change events of one collection as Server-Sent Events, read with XREAD, which is
 * what handlers see, on connections of its own per open page. With {@code firetap.cdc.shards} above
 * 1 it follows every shard stream {@code <prefix>:cdc:<collection>:<k>} and sends their events
 * merged in the order Redis added them.
 *
 * <p>Each event's id is the position of the page in every stream, the last entry id it saw of each,
 * comma-separated in shard order (one id for an unsharded collection), so a page that reconnects
 * with {@code Last-Event-ID} resumes after what it saw on every shard.
 */
final class ChangeFeed {
  /**
   * Open tails at most: each holds a thread and a Redis connection (one per shard in a cluster).
   */
  static final int MAX_TAILS = 8;

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
  private static final Pattern ENTRY_IDS =
      Pattern.compile("[0-9]{1,20}-[0-9]{1,20}(,[0-9]{1,20}-[0-9]{1,20})*");
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  private final RedisConnector connector;
  private final StreamKeys streams;
  private final Semaphore tails = new Semaphore(MAX_TAILS);
  private volatile boolean closed;

  /** A feed whose connections come from {@code connector}, which must allow blocking reads. */
  ChangeFeed(RedisConnector connector, StreamKeys streams) {
    this.connector = connector;
    this.streams = streams;
  }

  /** Streams the changes of {@code collection} until the page goes away or the console closes. */
  void serve(HttpExchange exchange, String collection) throws IOException {
    if (!tails.tryAcquire()) {
      Responses.error(exchange, 503, "at most " + MAX_TAILS + " live tails may be open at once");
      return;
    }
    List<String> shards = streams.changeStreams(collection);
    try (MergedTail tail = new MergedTail(connector, shards)) {
      Map<String, String> positions = resumePositions(exchange, tail, shards);
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      follow(exchange.getResponseBody(), tail, positions);
    } finally {
      tails.release();
    }
  }

  /**
   * Where the page resumes: after the positions of its {@code Last-Event-ID}, which holds one id
   * per shard, or one id for every shard; else after each shard's newest entry.
   */
  private static Map<String, String> resumePositions(
      HttpExchange exchange, MergedTail tail, List<String> shards) {
    String lastSeen = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (lastSeen == null || !ENTRY_IDS.matcher(lastSeen).matches()) {
      return tail.start(false);
    }
    List<String> ids = List.of(lastSeen.split(","));
    if (ids.size() != 1 && ids.size() != shards.size()) {
      return tail.start(false);
    }
    Map<String, String> positions = new LinkedHashMap<>();
    for (int shard = 0; shard < shards.size(); shard++) {
      positions.put(shards.get(shard), ids.get(ids.size() == 1 ? 0 : shard));
    }
    tail.startAfter(positions);
    return positions;
  }

  private void follow(OutputStream out, MergedTail tail, Map<String, String> positions)
      throws IOException {
    String shards = String.join(", ", positions.keySet());
    send(out, "ready", "", readyJson(positions));
    try {
      while (!closed) {
        List<MergedTail.Entry> page = tail.next();
        if (page.isEmpty()) {
          out.write(KEEP_ALIVE);
          out.flush();
        }
        for (MergedTail.Entry entry : page) {
          positions.put(entry.stream(), entry.id());
          send(out, "change", eventId(positions), changeJson(entry));
        }
      }
    } catch (RedisCommandInterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RedisException e) {
      log.warn("console: live tail of {} stopped: {}", shards, e.getMessage());
      send(out, "problem", "", ConsoleJson.error("Redis failed: " + e.getMessage()));
    }
  }

  private static String eventId(Map<String, String> positions) {
    return String.join(",", positions.values());
  }

  private static byte[] readyJson(Map<String, String> positions) {
    return ConsoleJson.write(
        json -> {
          json.writeStartObject();
          json.writeStringField("stream", String.join(", ", positions.keySet()));
          json.writeStringField("after", eventId(positions));
          json.writeEndObject();
        });
  }

  private static byte[] changeJson(MergedTail.Entry entry) {
    try {
      return ConsoleJson.write(
          json -> ConsoleJson.change(json, entry.id(), EventCodec.decodeChange(entry.event())));
    } catch (EventFormatException e) {
      return ConsoleJson.write(
          json -> {
            json.writeStartObject();
            json.writeStringField("entryId", entry.id());
            json.writeStringField("error", "not a change event: " + e.getMessage());
            json.writeEndObject();
          });
    }
  }

  /**
   * One event, with an {@code id:} line unless {@code id} is empty. JSON has no line breaks outside
   * strings, so the data fits one {@code data:} line.
   */
  private static void send(OutputStream out, String event, String id, byte[] data)
      throws IOException {
    StringBuilder head = new StringBuilder("event: ").append(event).append('\n');
    if (!id.isEmpty()) {
      head.append("id: ").append(id).append('\n');
    }
    out.write(head.append("data: ").toString().getBytes(StandardCharsets.UTF_8));
    out.write(data);
    out.write("\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Ends every tail within about {@link MergedTail#BLOCK}. */
  void close() {
    closed = true;
  }
}
