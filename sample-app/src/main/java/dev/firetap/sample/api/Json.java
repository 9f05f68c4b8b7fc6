package dev.firetap.sample.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON of requests and replies: records in, records and maps out. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /**
   * Reads {@code body} as a {@code type}.
   *
   * @throws IllegalArgumentException when the body is not JSON of that shape; the message says what
   *     was wrong where
   */
  public static <T> T read(byte[] body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : "";
      throw new IllegalArgumentException(
          "request body must be a JSON " + type.getSimpleName() + ": " + problem, e);
    }
  }

  /** Writes {@code value} as JSON. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }
}
