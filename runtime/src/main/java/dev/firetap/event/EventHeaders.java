package dev.firetap.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the few top-level fields that route an encoded event (its id, and a change's operation,
 * path and commit time, or a log event's name) without decoding the rest, so that a consumer can
 * order and deduplicate events cheaply and decode each fully where it runs. Passing these checks
 * does not make an event valid: {@link EventCodec} decides that.
 */
public final class EventHeaders {
  private static final Set<String> CHANGE_FIELDS = Set.of("id", "op", "path", "commitTime");
  private static final Set<String> LOG_FIELDS = Set.of("id", "event");

  private EventHeaders() {}

  /**
   * The routing fields of a change event.
   *
   * @param id the event id
   * @param op the operation
   * @param path the document path
   * @param commitTime the commit time
   */
  public record ChangeHeader(String id, Operation op, String path, Instant commitTime) {}

  /**
   * The routing fields of a log event.
   *
   * @param id the event id
   * @param event the event name
   */
  public record LogHeader(String id, String event) {}

  /**
   * Reads the routing fields of an encoded change event.
   *
   * @throws EventFormatException if the bytes are not a JSON object or a routing field is missing
   *     or invalid, naming the field and the value found
   */
  public static ChangeHeader change(byte[] json) {
    Map<String, String> fields = scan(json, "change event", CHANGE_FIELDS);
    String op = fields.get("op");
    Operation operation = Operation.forWireName(op);
    if (operation == null) {
      throw new EventFormatException(
          "change event field 'op' must be one of create, update, delete, got '" + op + "'");
    }
    Instant commitTime;
    try {
      commitTime = Timestamps.parse(fields.get("commitTime"));
    } catch (IllegalArgumentException e) {
      throw new EventFormatException("change event field 'commitTime' " + e.getMessage(), e);
    }
    return new ChangeHeader(fields.get("id"), operation, fields.get("path"), commitTime);
  }

  /**
   * Reads the routing fields of an encoded log event.
   *
   * @throws EventFormatException if the bytes are not a JSON object or a routing field is missing
   *     or not a string
   */
  public static LogHeader log(byte[] json) {
    Map<String, String> fields = scan(json, "log event", LOG_FIELDS);
    return new LogHeader(fields.get("id"), fields.get("event"));
  }

  private static Map<String, String> scan(byte[] json, String kind, Set<String> wanted) {
    Objects.requireNonNull(json, "json");
    Map<String, String> found = new HashMap<>();
    try (JsonParser parser = EventCodec.FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new EventFormatException(kind + " must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME && found.size() < wanted.size()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!wanted.contains(name)) {
          parser.skipChildren();
        } else if (value == JsonToken.VALUE_STRING) {
          found.put(name, parser.getText());
        } else {
          throw new EventFormatException(
              kind + " field '" + name + "' must be a string, got " + value);
        }
      }
    } catch (JsonProcessingException e) {
      throw new EventFormatException(kind + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new EventFormatException(kind + " is not valid JSON: " + e.getMessage(), e);
    }
    for (String name : wanted) {
      if (!found.containsKey(name)) {
        throw new EventFormatException(kind + " field '" + name + "' is missing");
      }
    }
    return found;
  }
}
