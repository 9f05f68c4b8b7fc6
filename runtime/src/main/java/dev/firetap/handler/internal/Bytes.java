package dev.firetap.handler.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Conversions for Redis replies of the byte-array codec. */
final class Bytes {
  private Bytes() {}

  static byte[] of(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The value of {@code field} in an entry body, whose byte-array keys do not compare by value. */
  static byte[] field(Map<byte[], byte[]> body, String field) {
    byte[] wanted = of(field);
    for (Map.Entry<byte[], byte[]> entry : body.entrySet()) {
      if (Arrays.equals(entry.getKey(), wanted)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
