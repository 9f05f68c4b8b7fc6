package dev.firetap.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Reads the fields of Firetap's stream entries, whose {@code event} field holds the event JSON. */
public final class StreamEntries {
  private static final byte[] EVENT_FIELD = "event".getBytes(StandardCharsets.UTF_8);

  private StreamEntries() {}

  /** The {@code event} field of an entry's body; empty when it has none. */
  public static byte[] event(Map<byte[], byte[]> body) {
    for (Map.Entry<byte[], byte[]> field : body.entrySet()) {
      if (Arrays.equals(field.getKey(), EVENT_FIELD)) {
        return field.getValue();
      }
    }
    return new byte[0];
  }
}
