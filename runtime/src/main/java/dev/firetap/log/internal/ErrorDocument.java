package dev.firetap.log.internal;

import com.google.cloud.Timestamp;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Firestore document of a stored error event: its fields for querying (with {@code timestamp}
 * as a Firestore timestamp), and {@code json}, the event exactly as on the stream.
 */
final class ErrorDocument {
  private ErrorDocument() {}

  static Map<String, Object> of(LogEvent event) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", event.id());
    document.put(
        "timestamp",
        Timestamp.ofTimeSecondsAndNanos(
            event.timestamp().getEpochSecond(), event.timestamp().getNano()));
    document.put("level", event.level().wireName());
    document.put("event", event.event());
    document.put("userId", event.userId());
    document.put("service", event.service());
    document.put("host", event.host());
    document.put("message", event.message());
    if (event.error() != null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", event.error().type());
      error.put("message", event.error().message());
      error.put("stack", event.error().stack());
      document.put("error", error);
    }
    document.put("traceId", event.traceId());
    document.put("data", firestoreValue(event.data(), false));
    document.put("json", new String(EventCodec.encode(event), StandardCharsets.UTF_8));
    return document;
  }

  /**
   * Firestore stores no big numbers and no array directly inside an array: those become strings.
   * Other JSON-shaped values are stored as they are.
   */
  private static Object firestoreValue(Object value, boolean insideArray) {
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), firestoreValue(v, false)));
      return copy;
    }
    if (value instanceof List<?> list) {
      if (insideArray) {
        return list.toString();
      }
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(firestoreValue(v, true)));
      return copy;
    }
    return value;
  }
}
