package dev.firetap.event;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed JSON objects into events, checking every field against {@code docs/events.md}.
 * Unknown fields are ignored so that newer producers can add fields.
 */
final class EventJsonReader {
  private EventJsonReader() {}

  static ChangeEvent change(Map<String, Object> json) {
    Fields fields = new Fields("change event", null, json);
    return new ChangeEvent(
        fields.string("id"),
        operation(fields),
        fields.string("collection"),
        fields.string("documentId"),
        fields.string("path"),
        fields.nullableMap("before"),
        fields.nullableMap("after"),
        fields.strings("changedFields"),
        fields.timestamp("commitTime"),
        transaction(fields.object("tx")),
        changeSource(fields.object("source")),
        fields.nullableString("userId"));
  }

  static LogEvent log(Map<String, Object> json) {
    Fields fields = new Fields("log event", null, json);
    return new LogEvent(
        fields.string("id"),
        fields.timestamp("timestamp"),
        level(fields),
        fields.string("event"),
        fields.nullableString("userId"),
        fields.map("data"),
        fields.string("service"),
        fields.string("host"),
        fields.optionalString("message"),
        errorInfo(fields),
        fields.optionalString("traceId"),
        logSource(fields),
        fields.optionalLong("durationMs"));
  }

  /**
   * Reads the value at the parser's current token into maps, lists and scalars, frozen as {@link
   * JsonValues} makes them, so that events built from them take them without another copy.
   */
  static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        return readArray(parser);
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * Reads the object whose start the parser is on.
   *
   * @throws JsonParseException if a field name repeats, located where the repeat begins
   */
  static Map<String, Object> readObject(JsonParser parser) throws IOException {
    FrozenMap.Builder map = new FrozenMap.Builder();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (map.indexOf(name) >= 0) {
        throw new JsonParseException(
            parser, "Duplicate field '" + name + "'", parser.currentTokenLocation());
      }
      parser.nextToken();
      map.add(name, readValue(parser));
    }
    return map.build();
  }

  private static List<Object> readArray(JsonParser parser) throws IOException {
    Object[] items = new Object[8];
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (count == items.length) {
        items = Arrays.copyOf(items, count * 2);
      }
      items[count++] = readValue(parser);
    }
    return new FrozenList(Arrays.copyOf(items, count));
  }

  private static Operation operation(Fields fields) {
    String wireName = fields.string("op");
    Operation op = Operation.forWireName(wireName);
    if (op == null) {
      throw fields.invalid("op", "be one of create, update, delete", wireName);
    }
    return op;
  }

  private static Level level(Fields fields) {
    String wireName = fields.string("level");
    Level level = Level.forWireName(wireName);
    if (level == null) {
      throw fields.invalid("level", "be one of debug, info, warn, error", wireName);
    }
    return level;
  }

  private static Transaction transaction(Fields tx) {
    return new Transaction(tx.string("id"), tx.intValue("size"), tx.intValue("index"));
  }

  private static ChangeSource changeSource(Fields source) {
    return new ChangeSource(
        source.string("service"), source.string("host"), source.string("version"));
  }

  private static ErrorInfo errorInfo(Fields fields) {
    if (fields.absent("error")) {
      return null;
    }
    Fields error = fields.object("error");
    return new ErrorInfo(
        error.string("type"), error.optionalString("message"), error.string("stack"));
  }

  private static LogSource logSource(Fields fields) {
    if (fields.absent("source")) {
      return null;
    }
    Fields source = fields.object("source");
    return new LogSource(source.string("class"), source.string("method"));
  }

  /**
   * The fields of one JSON object, read with messages that name the event kind and field; {@code
   * path} names the object inside the event, such as {@code tx}, and is null for the event itself.
   */
  private record Fields(String kind, String path, Map<String, Object> json) {
    boolean absent(String name) {
      return json.get(name) == null;
    }

    Object required(String name) {
      Object value = json.get(name);
      if (value == null && !json.containsKey(name)) {
        throw new EventFormatException(kind + " field '" + prefix() + name + "' is missing");
      }
      return value;
    }

    String string(String name) {
      Object value = required(name);
      if (!(value instanceof String text)) {
        throw invalid(name, "be a string", value);
      }
      return text;
    }

    String nullableString(String name) {
      Object value = required(name);
      return value == null ? null : string(name);
    }

    String optionalString(String name) {
      return absent(name) ? null : string(name);
    }

    Map<String, Object> map(String name) {
      Object value = required(name);
      if (!(value instanceof Map<?, ?>)) {
        throw invalid(name, "be an object", value);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }

    Map<String, Object> nullableMap(String name) {
      return required(name) == null ? null : map(name);
    }

    Fields object(String name) {
      return new Fields(kind, path == null ? name : path + "." + name, map(name));
    }

    List<String> strings(String name) {
      Object value = required(name);
      if (!(value instanceof List<?> list) || !allStrings(list)) {
        throw invalid(name, "be an array of strings", value);
      }
      @SuppressWarnings("unchecked")
      List<String> strings = (List<String>) list;
      return strings;
    }

    private static boolean allStrings(List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String)) {
          return false;
        }
      }
      return true;
    }

    Instant timestamp(String name) {
      String text = string(name);
      try {
        return Timestamps.parse(text);
      } catch (IllegalArgumentException e) {
        throw invalid(name, "be an RFC 3339 timestamp such as 2026-12-03T12:00:00.123456Z", text);
      }
    }

    int intValue(String name) {
      Object value = required(name);
      if (!(value instanceof Long number) || number != number.intValue()) {
        throw invalid(name, "be a 32-bit integer", value);
      }
      return number.intValue();
    }

    Long optionalLong(String name) {
      Object value = absent(name) ? null : required(name);
      if (value != null && !(value instanceof Long)) {
        throw invalid(name, "be an integer of at most 64 bits", value);
      }
      return (Long) value;
    }

    EventFormatException invalid(String name, String expectation, Object found) {
      return new EventFormatException(
          kind
              + " field '"
              + prefix()
              + name
              + "' must "
              + expectation
              + ", got "
              + describe(found));
    }

    private String prefix() {
      return path == null ? "" : path + ".";
    }

    private static String describe(Object value) {
      if (value == null) {
        return "null";
      }
      if (value instanceof String text) {
        return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
      }
      if (value instanceof Map<?, ?>) {
        return "an object";
      }
      if (value instanceof List<?>) {
        return "an array";
      }
      return value.toString();
    }
  }
}
