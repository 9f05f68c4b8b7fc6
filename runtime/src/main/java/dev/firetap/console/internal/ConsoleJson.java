package dev.firetap.console.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.handler.DeadLetter;
import dev.firetap.handler.HandlerLag;
import dev.firetap.log.LogStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON the console's pages read. Values from events travel as JSON strings and the pages put
 * them into the document as text, never as markup, so user data cannot run as script.
 */
final class ConsoleJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** Writes one JSON document. */
  interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  /** Writes one item of an array. */
  interface Item<T> {
    void write(JsonGenerator json, T item) throws IOException;
  }

  private ConsoleJson() {}

  /** {@code {"<name>": [items]}}. */
  static <T> byte[] list(String name, Iterable<T> items, Item<T> item) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart(name);
          for (T each : items) {
            item.write(json, each);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** The UTF-8 bytes of the document {@code body} writes. */
  static byte[] write(Body body) {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(1024)) {
      try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
        body.writeTo(json);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
  }

  /** {@code {"error": message}}. */
  static byte[] error(String message) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("error", message);
          json.writeEndObject();
        });
  }

  /** A log event with its stream entry id and its whole JSON, indented, for the details view. */
  static void log(JsonGenerator json, String entryId, LogEvent event) throws IOException {
    json.writeStartObject();
    json.writeStringField("entryId", entryId);
    json.writeStringField("id", event.id());
    json.writeStringField("timestamp", event.timestamp().toString());
    json.writeStringField("level", event.level().wireName());
    json.writeStringField("event", event.event());
    json.writeStringField("service", event.service());
    json.writeStringField("host", event.host());
    json.writeStringField("userId", event.userId());
    json.writeStringField("message", event.message());
    json.writeStringField(
        "error",
        event.error() == null ? null : event.error().type() + ": " + event.error().message());
    json.writeStringField("json", EventCodec.toPrettyJson(event));
    json.writeEndObject();
  }

  /**
   * A change event: its summary, and per changed field the value before and after as JSON text
   * (null where the field or the document did not exist on that side).
   */
  static void change(JsonGenerator json, String entryId, ChangeEvent event) throws IOException {
    json.writeStartObject();
    json.writeStringField("entryId", entryId);
    json.writeStringField("id", event.id());
    json.writeStringField("op", event.op().wireName());
    json.writeStringField("collection", event.collection());
    json.writeStringField("path", event.path());
    json.writeStringField("commitTime", event.commitTime().toString());
    json.writeStringField("userId", event.userId());
    json.writeArrayFieldStart("changes");
    for (String field : event.changedFields()) {
      json.writeStartObject();
      json.writeStringField("field", field);
      json.writeStringField("before", valueOf(event.before(), field));
      json.writeStringField("after", valueOf(event.after(), field));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("json", EventCodec.toPrettyJson(event));
    json.writeEndObject();
  }

  private static String valueOf(Map<String, Object> fields, String field) {
    if (fields == null || !fields.containsKey(field)) {
      return null;
    }
    return EventCodec.valueToJson(fields.get(field));
  }

  /** The counts of one day. */
  static void stats(JsonGenerator json, LogStats stats) throws IOException {
    json.writeStartObject();
    json.writeStringField("date", stats.date().toString());
    json.writeNumberField("debug", stats.debug());
    json.writeNumberField("info", stats.info());
    json.writeNumberField("warn", stats.warn());
    json.writeNumberField("error", stats.error());
    json.writeNumberField("total", stats.total());
    json.writeEndObject();
  }

  /** One consumer group; {@code behind} is -1 when Redis cannot tell. */
  static void lag(JsonGenerator json, HandlerLag lag) throws IOException {
    json.writeStartObject();
    json.writeStringField("handlerId", lag.handlerId());
    json.writeStringField("stream", lag.stream());
    json.writeNumberField("pending", lag.pending());
    json.writeNumberField("behind", lag.behind());
    json.writeNumberField("oldestPendingMillis", lag.oldestPendingAge().toMillis());
    json.writeNumberField("lost", lag.lost());
    json.writeEndObject();
  }

  /** One dead letter, with the original event JSON as stored and the failure's stack. */
  static void deadLetter(JsonGenerator json, DeadLetter letter) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", letter.id());
    json.writeStringField("handlerId", letter.handlerId());
    json.writeStringField("stream", letter.stream());
    json.writeStringField("entryId", letter.entryId());
    json.writeStringField("error", letter.error());
    json.writeNumberField("attempts", letter.attempts());
    json.writeStringField("failedAt", letter.failedAt().toString());
    json.writeStringField("event", letter.event());
    json.writeStringField("stack", letter.stack());
    json.writeBooleanField("trimmed", letter.trimmed());
    json.writeEndObject();
  }
}
