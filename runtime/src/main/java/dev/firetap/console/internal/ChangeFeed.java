package dev.firetap.console.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventFormatException;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import dev.firetap.redis.StreamTail;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live tail: change events of one collection as Server-Sent Events, read from {@code
 * <prefix>:cdc:<collection>} with XREAD, which is what handlers see, on a connection of its own per
 * open page. A page that reconnects with {@code Last-Event-ID} resumes after that entry.
 */
final class ChangeFeed {
  /** Open tails at most: each holds a thread and a Redis connection. */
  static final int MAX_TAILS = 8;

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
  private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");
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
    String stream = streams.changeStream(collection);
    // TODO(#9): with firetap.cdc.shards above 1 the live tail reads only the unsharded stream name,
    // so it shows nothing; it should follow every shard of the collection.
    try (StatefulRedisConnection<byte[], byte[]> connection = connector.connectForKey(stream)) {
      StreamTail tail = new StreamTail(connection.sync(), stream);
      String after = resumeAfter(exchange, tail);
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      follow(exchange.getResponseBody(), tail, stream, after);
    } finally {
      tails.release();
    }
  }

  private static String resumeAfter(HttpExchange exchange, StreamTail tail) {
    String lastSeen = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    return lastSeen != null && ENTRY_ID.matcher(lastSeen).matches()
        ? lastSeen
        : tail.startId(false);
  }

  private void follow(OutputStream out, StreamTail tail, String stream, String after)
      throws IOException {
    String last = after;
    send(out, "ready", "", readyJson(stream, after));
    try {
      while (!closed) {
        List<StreamTail.Entry> page = tail.next(last);
        if (page.isEmpty()) {
          out.write(KEEP_ALIVE);
          out.flush();
        }
        for (StreamTail.Entry entry : page) {
          send(out, "change", entry.id(), changeJson(entry));
          last = entry.id();
        }
      }
    } catch (RedisCommandInterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RedisException e) {
      log.warn("console: live tail of {} stopped: {}", stream, e.getMessage());
      send(out, "problem", "", ConsoleJson.error("Redis failed: " + e.getMessage()));
    }
  }

  private static byte[] readyJson(String stream, String after) {
    return ConsoleJson.write(
        json -> {
          json.writeStartObject();
          json.writeStringField("stream", stream);
          json.writeStringField("after", after);
          json.writeEndObject();
        });
  }

  private static byte[] changeJson(StreamTail.Entry entry) {
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

  /** Ends every tail within {@link StreamTail#BLOCK}. */
  void close() {
    closed = true;
  }
}
