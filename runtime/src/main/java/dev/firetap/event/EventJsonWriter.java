package dev.firetap.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Writes events field by field, in the order {@code docs/events.md} fixes. */
final class EventJsonWriter {
  private EventJsonWriter() {}

  static void write(ChangeEvent event, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", event.id());
    json.writeStringField("op", event.op().wireName());
    json.writeStringField("collection", event.collection());
    json.writeStringField("documentId", event.documentId());
    json.writeStringField("path", event.path());
    json.writeFieldName("before");
    writeValue(event.before(), json);
    json.writeFieldName("after");
    writeValue(event.after(), json);
    json.writeFieldName("changedFields");
    writeValue(event.changedFields(), json);
    json.writeStringField("commitTime", Timestamps.format(event.commitTime()));
    writeTransaction(event.tx(), json);
    writeChangeSource(event.source(), json);
    json.writeStringField("userId", event.userId());
    json.writeEndObject();
  }

  static void write(LogEvent event, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", event.id());
    json.writeStringField("timestamp", Timestamps.format(event.timestamp()));
    json.writeStringField("level", event.level().wireName());
    json.writeStringField("event", event.event());
    json.writeStringField("userId", event.userId());
    json.writeFieldName("data");
    writeValue(event.data(), json);
    json.writeStringField("service", event.service());
    json.writeStringField("host", event.host());
    writeOptionalParts(event, json);
    json.writeEndObject();
  }

  private static void writeOptionalParts(LogEvent event, JsonGenerator json) throws IOException {
    if (event.message() != null) {
      json.writeStringField("message", event.message());
    }
    if (event.error() != null) {
      json.writeObjectFieldStart("error");
      json.writeStringField("type", event.error().type());
      json.writeStringField("message", event.error().message());
      json.writeStringField("stack", event.error().stack());
      json.writeEndObject();
    }
    if (event.traceId() != null) {
      json.writeStringField("traceId", event.traceId());
    }
    if (event.source() != null) {
      json.writeObjectFieldStart("source");
      json.writeStringField("class", event.source().className());
      json.writeStringField("method", event.source().method());
      json.writeEndObject();
    }
    if (event.durationMs() != null) {
      json.writeNumberField("durationMs", event.durationMs());
    }
  }

  private static void writeTransaction(Transaction tx, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("tx");
    json.writeStringField("id", tx.id());
    json.writeNumberField("size", tx.size());
    json.writeNumberField("index", tx.index());
    json.writeEndObject();
  }

  private static void writeChangeSource(ChangeSource source, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("source");
    json.writeStringField("service", source.service());
    json.writeStringField("host", source.host());
    json.writeStringField("version", source.version());
    json.writeEndObject();
  }

  /** Writes a value that {@link JsonValues} normalized. */
  private static void writeValue(Object value, JsonGenerator json) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
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
