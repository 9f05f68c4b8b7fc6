package dev.firetap.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Encodes events to the UTF-8 JSON stored in the {@code event} field of stream entries, and decodes
 * them strictly. Thread-safe. {@code docs/events.md} describes the format.
 */
public final class EventCodec {
  /** Deeper than any event can be: the value limit plus the envelope around before/after/data. */
  private static final int MAX_JSON_DEPTH = JsonValues.MAX_DEPTH + 4;

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Duplicate field names are rejected by EventJsonReader, at a fraction of the cost.
          // Otherwise characters beyond the BMP, such as emoji, are written as escaped surrogates.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
          .build();

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private EventCodec() {}

  /** Encodes a change event as UTF-8 JSON, fields in contract order. */
  public static byte[] encode(ChangeEvent event) {
    Objects.requireNonNull(event, "event");
    return write(json -> EventJsonWriter.write(event, json), false);
  }

  /**
   * Encodes a log event as UTF-8 JSON, fields in contract order, absent optional fields left out.
   */
  public static byte[] encode(LogEvent event) {
    Objects.requireNonNull(event, "event");
    return write(json -> EventJsonWriter.write(event, json), false);
  }

  /** Returns {@link #encode(ChangeEvent)} as a string. */
  public static String toJson(ChangeEvent event) {
    return new String(encode(event), StandardCharsets.UTF_8);
  }

  /** Returns {@link #encode(LogEvent)} as a string. */
  public static String toJson(LogEvent event) {
    return new String(encode(event), StandardCharsets.UTF_8);
  }

  /** Returns the JSON of a change event indented for people, two spaces a level. */
  public static String toPrettyJson(ChangeEvent event) {
    Objects.requireNonNull(event, "event");
    byte[] bytes = write(json -> EventJsonWriter.write(event, json), true);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Returns the JSON of a log event indented for people, two spaces a level. */
  public static String toPrettyJson(LogEvent event) {
    Objects.requireNonNull(event, "event");
    byte[] bytes = write(json -> EventJsonWriter.write(event, json), true);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The compact JSON of one value as events write it, such as {@code "paid"}, {@code 12} or {@code
   * {"city":"Oslo"}}; null gives {@code null}.
   *
   * @throws IllegalArgumentException if maps and lists nest deeper than {@link
   *     JsonValues#MAX_DEPTH}
   */
  public static String valueToJson(Object value) {
    Object normalized = JsonValues.normalize(value);
    byte[] bytes = write(json -> EventJsonWriter.writeValue(normalized, json), false);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Decodes a change event. Unknown fields are ignored.
   *
   * @throws EventFormatException if the bytes are not valid JSON or not a change event, naming the
   *     offending field and the value found
   */
  public static ChangeEvent decodeChange(byte[] json) {
    Objects.requireNonNull(json, "json");
    return decode(json, "change event", EventJsonReader::change);
  }

  /**
   * Decodes a log event. Unknown fields are ignored.
   *
   * @throws EventFormatException if the bytes are not valid JSON or not a log event, naming the
   *     offending field and the value found
   */
  public static LogEvent decodeLog(byte[] json) {
    Objects.requireNonNull(json, "json");
    return decode(json, "log event", EventJsonReader::log);
  }

  /** Writes one event; the only checked exception a byte array target can cause is a bug. */
  private interface Writing {
    void to(JsonGenerator json) throws IOException;
  }

  private static byte[] write(Writing writing, boolean pretty) {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(1024)) {
      try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
        if (pretty) {
          json.setPrettyPrinter(PRETTY.createInstance());
        }
        writing.to(json);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
  }

  private static <T> T decode(byte[] bytes, String kind, Function<Map<String, Object>, T> reading) {
    Map<String, Object> json = parse(bytes, kind);
    try {
      return reading.apply(json);
    } catch (EventFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EventFormatException(kind + " is invalid: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> parse(byte[] bytes, String kind) {
    Map<String, Object> ascii = EventJsonParser.parse(bytes);
    return ascii != null ? ascii : parseWithJackson(bytes, kind);
  }

  /** Parses any JSON object, and says what is wrong with anything else. */
  static Map<String, Object> parseWithJackson(byte[] bytes, String kind) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new EventFormatException(
            kind + " must be a JSON object, got " + describe(first, parser));
      }
      Map<String, Object> json = EventJsonReader.readObject(parser);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw new EventFormatException(
            kind + " must be one JSON object, got more content at " + where(parser));
      }
      return json;
    } catch (EventFormatException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new EventFormatException(
          kind + " is not valid JSON at " + where(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new EventFormatException(kind + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static String describe(JsonToken token, JsonParser parser) throws IOException {
    if (token == null) {
      return "no content";
    }
    return token == JsonToken.START_ARRAY ? "an array" : "the value " + parser.getText();
  }

  private static String where(JsonParser parser) {
    return "line "
        + parser.currentTokenLocation().getLineNr()
        + " column "
        + parser.currentTokenLocation().getColumnNr();
  }

  private static String where(JsonProcessingException e) {
    if (e.getLocation() == null) {
      return "an unknown position";
    }
    return "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
  }
}
