package dev.firetap.annotation.internal;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.GeoPoint;
import dev.firetap.internal.ClientLibraries;
import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the values that annotations write (arguments, results, documents before and after) into
 * maps, lists and plain values that {@link dev.firetap.event.JsonValues} accepts, masking what must
 * not be written.
 *
 * <p>Masked as {@value #MASK}: map keys, fields and record components whose name is in the
 * configured list (in any case), and fields, record components and getters marked {@link
 * dev.firetap.annotations.Sensitive}. Records and beans of application classes become maps field by
 * field; an object met again inside itself becomes {@value #CYCLE}, anything nested deeper than
 * {@value #MAX_DEPTH} maps, lists and objects becomes {@value #TOO_DEEP}, and objects of library
 * classes with no JSON form become their {@code toString()}.
 */
public final class Redactor {
  /** What a masked value is written as. */
  public static final String MASK = "***";

  /** What an object nested in itself is written as. */
  public static final String CYCLE = "<cycle>";

  /** What a value nested too deeply is written as. */
  public static final String TOO_DEEP = "<too deep>";

  /** The deepest nesting of maps, lists and objects that is converted. */
  public static final int MAX_DEPTH = 16;

  private static final List<String> LIBRARY_PACKAGES =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "com.google.", "io.grpc.");

  private final Set<String> maskedNames;

  /**
   * A redactor masking keys and fields named like one of {@code maskedNames}, in any case.
   *
   * @param maskedNames names such as {@code password}; the setting {@code firetap.redact.fields}
   */
  public Redactor(Collection<String> maskedNames) {
    Objects.requireNonNull(maskedNames, "maskedNames");
    this.maskedNames =
        maskedNames.stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a key or field named {@code name} is masked by name. */
  public boolean masks(String name) {
    return maskedNames.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns a redacted, JSON-shaped copy of {@code value}; null stays null. Never throws: a getter
   * that throws is written as {@code <error: ExceptionType>}.
   */
  public Object redact(Object value) {
    return value(value, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
  }

  private Object value(Object value, Set<Object> ancestors, int depth) {
    if (value == null || isPlain(value)) {
      return value;
    }
    if (value instanceof Optional<?> optional) {
      return value(optional.orElse(null), ancestors, depth);
    }
    if (ClientLibraries.FIRESTORE && value instanceof DocumentSnapshot snapshot) {
      return value(snapshot.getData(), ancestors, depth);
    }
    if (depth >= MAX_DEPTH) {
      return TOO_DEEP;
    }
    if (!ancestors.add(value)) {
      return CYCLE;
    }
    try {
      return container(value, ancestors, depth + 1);
    } finally {
      ancestors.remove(value);
    }
  }

  private Object container(Object value, Set<Object> ancestors, int depth) {
    if (value instanceof Map<?, ?> map) {
      return map(map, ancestors, depth);
    }
    if (value instanceof Iterable<?> items) {
      return list(items, ancestors, depth);
    }
    if (value instanceof Object[] array) {
      return list(Arrays.asList(array), ancestors, depth);
    }
    if (value.getClass().isArray()) {
      return primitiveArray(value);
    }
    if (isLibraryClass(value.getClass())) {
      return text(value);
    }
    return bean(value, ancestors, depth);
  }

  private Map<String, Object> map(Map<?, ?> map, Set<Object> ancestors, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      copy.put(key, masks(key) ? MASK : value(entry.getValue(), ancestors, depth));
    }
    return copy;
  }

  private List<Object> list(Iterable<?> items, Set<Object> ancestors, int depth) {
    List<Object> copy = new ArrayList<>();
    for (Object item : items) {
      copy.add(value(item, ancestors, depth));
    }
    return copy;
  }

  private static Object primitiveArray(Object array) {
    if (array instanceof byte[]) {
      return array;
    }
    List<Object> copy = new ArrayList<>();
    for (int i = 0; i < Array.getLength(array); i++) {
      copy.add(Array.get(array, i));
    }
    return copy;
  }

  private Object bean(Object bean, Set<Object> ancestors, int depth) {
    Map<String, BeanProperties.Property> properties = BeanProperties.of(bean.getClass());
    if (properties.isEmpty()) {
      return text(bean);
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    properties.forEach(
        (name, property) ->
            copy.put(
                name,
                property.sensitive() || masks(name)
                    ? MASK
                    : value(read(property, bean), ancestors, depth)));
    return copy;
  }

  private static Object read(BeanProperties.Property property, Object bean) {
    try {
      return property.read(bean);
    } catch (IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return "<error: " + cause.getClass().getSimpleName() + ">";
    }
  }

  /** Values that JsonValues writes as they are or converts itself. */
  private static boolean isPlain(Object value) {
    return value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum<?>
        || value instanceof byte[]
        || value instanceof TemporalAccessor
        || value instanceof Date
        || (ClientLibraries.FIRESTORE && isFirestoreValue(value));
  }

  private static boolean isFirestoreValue(Object value) {
    return value instanceof Timestamp
        || value instanceof Blob
        || value instanceof GeoPoint
        || value instanceof DocumentReference;
  }

  private static boolean isLibraryClass(Class<?> type) {
    String name = type.getName();
    return LIBRARY_PACKAGES.stream().anyMatch(name::startsWith);
  }

  private static String text(Object value) {
    try {
      return String.valueOf(value);
    } catch (RuntimeException e) {
      return "<" + value.getClass().getSimpleName() + ": toString threw>";
    }
  }
}
