package dev.firetap.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes events field by field, in the order {@code docs/events.md} fixes. */
final class EventJsonWriter {
  private EventJsonWriter() {}

  static void write(ChangeEvent event, JsonGenerator json) throws IOException {
    json.writeStartObject();
    writeField(json, "id", event.id());
    writeField(json, "op", event.op().wireName());
    writeField(json, "collection", event.collection());
    writeField(json, "documentId", event.documentId());
    writeField(json, "path", event.path());
    // The routing fields (EventHeaders) come before the documents, so readers stop before them.
    writeField(json, "commitTime", Timestamps.format(event.commitTime()));
    json.writeFieldName("before");
    writeValue(event.before(), json);
    json.writeFieldName("after");
    writeValue(event.after(), json);
    json.writeFieldName("changedFields");
    writeValue(event.changedFields(), json);
    writeTransaction(event.tx(), json);
    writeChangeSource(event.source(), json);
    writeField(json, "userId", event.userId());
    json.writeEndObject();
  }

  static void write(LogEvent event, JsonGenerator json) throws IOException {
    json.writeStartObject();
    writeField(json, "id", event.id());
    writeField(json, "timestamp", Timestamps.format(event.timestamp()));
    writeField(json, "level", event.level().wireName());
    writeField(json, "event", event.event());
    writeField(json, "userId", event.userId());
    json.writeFieldName("data");
    writeValue(event.data(), json);
    writeField(json, "service", event.service());
    writeField(json, "host", event.host());
    writeOptionalParts(event, json);
    json.writeEndObject();
  }

  private static void writeOptionalParts(LogEvent event, JsonGenerator json) throws IOException {
    if (event.message() != null) {
      writeField(json, "message", event.message());
    }
    if (event.error() != null) {
      json.writeObjectFieldStart("error");
      writeField(json, "type", event.error().type());
      writeField(json, "message", event.error().message());
      writeField(json, "stack", event.error().stack());
      json.writeEndObject();
    }
    if (event.traceId() != null) {
      writeField(json, "traceId", event.traceId());
    }
    if (event.source() != null) {
      json.writeObjectFieldStart("source");
      writeField(json, "class", event.source().className());
      writeField(json, "method", event.source().method());
      json.writeEndObject();
    }
    if (event.durationMs() != null) {
      json.writeNumberField("durationMs", event.durationMs());
    }
  }

  private static void writeTransaction(Transaction tx, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("tx");
    writeField(json, "id", tx.id());
    json.writeNumberField("size", tx.size());
    json.writeNumberField("index", tx.index());
    json.writeEndObject();
  }

  private static void writeChangeSource(ChangeSource source, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("source");
    writeField(json, "service", source.service());
    writeField(json, "host", source.host());
    writeField(json, "version", source.version());
    json.writeEndObject();
  }

  private static void writeField(JsonGenerator json, String name, String value) throws IOException {
    json.writeFieldName(name);
    writeText(value, json);
  }

  /**
   * Writes a string. Most strings of events (ids, names, times, plain text) need no escaping; those
   * are copied as bytes, which is much cheaper than the generator's character-by-character escaping
   * and gives the same JSON.
   */
  private static void writeText(String text, JsonGenerator json) throws IOException {
    if (text == null) {
      json.writeNull();
    } else if (isPlainAscii(text)) {
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      json.writeRawUTF8String(bytes, 0, bytes.length);
    } else {
      json.writeString(text);
    }
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0, length = text.length(); i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Writes a value that {@link JsonValues} normalized. */
  static void writeValue(Object value, JsonGenerator json) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      writeText(text, json);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Double number) {
      json.writeNumber(number);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, json);
    } else if (value instanceof List<?> list) {
      writeList(list, json);
    } else if (value instanceof BigInteger number) {
      json.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      json.writeNumber(number);
    } else {
      json.writeString(value.toString());
    }
  }

  private static void writeMap(Map<?, ?> map, JsonGenerator json) throws IOException {
    json.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      json.writeFieldName((String) entry.getKey());
      writeValue(entry.getValue(), json);
    }
    json.writeEndObject();
  }

  private static void writeList(List<?> list, JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (Object item : list) {
      writeValue(item, json);
    }
    json.writeEndArray();
  }
}
