package dev.firetap.event;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.GeoPoint;
import dev.firetap.internal.ClientLibraries;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns application values (Firestore field values, log data) into deep, immutable, JSON-shaped
 * copies: null, {@link String}, {@link Boolean}, {@link Long}, {@link Double}, {@link BigInteger},
 * {@link BigDecimal}, {@code Map<String, Object>} keeping insertion order, and {@code
 * List<Object>}. {@code docs/events.md} lists the mapping of every supported type.
 */
public final class JsonValues {
  /** The deepest nesting of maps and lists a value may have. */
  public static final int MAX_DEPTH = 64;

  private static final String DEFAULT_NAME = "value";

  private JsonValues() {}

  /**
   * Returns a deep, immutable, JSON-shaped copy of {@code value}; null stays null. Values that this
   * class produced before are returned as they are.
   *
   * @throws IllegalArgumentException if maps and lists nest deeper than {@link #MAX_DEPTH}, as a
   *     cyclic structure does
   */
  public static Object normalize(Object value) {
    return normalize(value, DEFAULT_NAME);
  }

  /**
   * Like {@link #normalize(Object)}, naming the value {@code name} in error messages, for example
   * {@code data} gives {@code data.items[3].price}.
   */
  public static Object normalize(Object value, String name) {
    Objects.requireNonNull(name, "name");
    return value(value, new Path(null, name, -1), 0);
  }

  /**
   * Returns a deep, immutable, JSON-shaped copy of a map; keys become strings through {@link
   * String#valueOf(Object)}, iteration order and null values are kept.
   *
   * @throws IllegalArgumentException if maps and lists nest deeper than {@link #MAX_DEPTH}
   */
  public static Map<String, Object> normalizeMap(Map<?, ?> map) {
    return normalizeMap(map, DEFAULT_NAME);
  }

  /** Like {@link #normalizeMap(Map)}, naming the map {@code name} in error messages. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> normalizeMap(Map<?, ?> map, String name) {
    Objects.requireNonNull(map, "map");
    return (Map<String, Object>) normalize(map, name);
  }

  /** Returns the immutable empty map that normalized values use. */
  static Map<String, Object> emptyMap() {
    return FrozenMap.EMPTY;
  }

  private static Object value(Object value, Path path, int depth) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof Object[]) {
      return container(value, path, depth);
    }
    return scalar(value, path, depth);
  }

  private static Object number(Number number) {
    if (number instanceof Integer
        || number instanceof Short
        || number instanceof Byte
        || number instanceof AtomicInteger
        || number instanceof AtomicLong) {
      return number.longValue();
    }
    if (number instanceof Double value) {
      return doubleValue(value);
    }
    if (number instanceof Float value) {
      // Float.toString gives the shortest decimal, so 0.1f becomes 0.1 and not 0.10000000149.
      return doubleValue(Double.parseDouble(value.toString()));
    }
    return number.toString();
  }

  private static Object doubleValue(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return value;
  }

  private static Object container(Object value, Path path, int depth) {
    int height = Frozen.heightOf(value);
    if (height > 0 && depth + height <= MAX_DEPTH) {
      return value;
    }
    if (depth + 1 > MAX_DEPTH) {
      throw new IllegalArgumentException(
          path
              + " is nested deeper than the limit of "
              + MAX_DEPTH
              + " maps and lists; cyclic structures cannot be written as JSON");
    }
    if (value instanceof Map<?, ?> map) {
      return map(map, path, depth + 1);
    }
    if (value instanceof Object[] array) {
      return list(Arrays.asList(array), path, depth + 1);
    }
    return list((Iterable<?>) value, path, depth + 1);
  }

  private static Object map(Map<?, ?> map, Path path, int depth) {
    FrozenMap.Builder copy = new FrozenMap.Builder();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object value = value(entry.getValue(), new Path(path, key, -1), depth);
      // Keys that differ but print alike, such as 1 and "1": the last value wins, as in a map.
      int index = copy.indexOf(key);
      if (index < 0) {
        copy.add(key, value);
      } else {
        copy.set(index, value);
      }
    }
    return copy.build();
  }

  private static Object list(Iterable<?> items, Path path, int depth) {
    ArrayList<Object> copy = new ArrayList<>();
    for (Object item : items) {
      copy.add(value(item, new Path(path, null, copy.size()), depth));
    }
    return new FrozenList(copy.toArray());
  }

  private static Object scalar(Object value, Path path, int depth) {
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value.getClass().isArray()) {
      return primitiveArray(value, path, depth);
    }
    if (value instanceof Optional<?> optional) {
      return value(optional.orElse(null), path, depth);
    }
    return firestoreOrTime(value, path);
  }

  private static Object primitiveArray(Object array, Path path, int depth) {
    int length = Array.getLength(array);
    List<Object> boxed = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      boxed.add(Array.get(array, i));
    }
    return container(boxed, path, depth);
  }

  private static Object firestoreOrTime(Object value, Path path) {
    if (ClientLibraries.FIRESTORE) {
      Object firestoreValue = firestoreValue(value);
      if (firestoreValue != null) {
        return firestoreValue;
      }
    }
    Instant instant = instantOf(value);
    if (instant != null) {
      return timestamp(instant, path);
    }
    // Beans are not taken apart here: that needs the redaction settings, so the annotation code
    // converts them (with redaction and cycle detection) before events are built.
    return value.toString();
  }

  /** The JSON value of a Firestore blob, geo point or reference; null for any other value. */
  private static Object firestoreValue(Object value) {
    if (value instanceof Blob blob) {
      return Base64.getEncoder().encodeToString(blob.toBytes());
    }
    if (value instanceof GeoPoint point) {
      FrozenMap.Builder map = new FrozenMap.Builder();
      map.add("latitude", doubleValue(point.getLatitude()));
      map.add("longitude", doubleValue(point.getLongitude()));
      return map.build();
    }
    if (value instanceof DocumentReference reference) {
      return reference.getPath();
    }
    return null;
  }

  private static Instant instantOf(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (ClientLibraries.FIRESTORE && value instanceof Timestamp timestamp) {
      return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
    if (value instanceof Date date) {
      // Date.toInstant() throws for java.sql.Date, getTime() works for every subclass.
      return Instant.ofEpochMilli(date.getTime());
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    return null;
  }

  private static String timestamp(Instant instant, Path path) {
    try {
      return Timestamps.format(instant);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The location of a value, rendered as {@code data.items[3].price} only when an error needs it.
   */
  private record Path(Path parent, String key, int index) {
    @Override
    public String toString() {
      if (parent == null) {
        return key;
      }
      return key != null ? parent + "." + key : parent + "[" + index + "]";
    }
  }
}
