package dev.firetap.sample.handlers;

import dev.firetap.event.ChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a changed document's fields. A missing or mistyped field is an {@link
 * IllegalArgumentException} naming the document, the field and what it held: the handler fails, is
 * retried, and ends in the dead-letter stream, where the document can be looked at.
 */
final class Fields {
  private final String path;
  private final Map<String, Object> values;

  private Fields(String path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  /** The fields of the document after the change. */
  static Fields after(ChangeEvent event) {
    return new Fields(event.path(), event.after() == null ? Map.of() : event.after());
  }

  /** The fields of the document before the change; none when it did not exist. */
  static Fields before(ChangeEvent event) {
    return new Fields(event.path(), event.before() == null ? Map.of() : event.before());
  }

  /** The string field {@code name}. */
  String text(String name) {
    if (values.get(name) instanceof String text) {
      return text;
    }
    throw mistyped(name, "a string");
  }

  /** The string field {@code name}, or null when it is absent. */
  String optionalText(String name) {
    return values.get(name) == null ? null : text(name);
  }

  /** The whole-number field {@code name}. */
  long whole(String name) {
    if (values.get(name) instanceof Long number) {
      return number;
    }
    throw mistyped(name, "a whole number");
  }

  /** Whether the boolean field {@code name} is true; false when it is absent. */
  boolean isTrue(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  /** The array field {@code name}, each element a map. */
  List<Fields> list(String name) {
    if (!(values.get(name) instanceof List<?> elements)) {
      throw mistyped(name, "an array");
    }
    List<Fields> list = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      list.add(element(name + "[" + i + "]", elements.get(i)));
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private Fields element(String name, Object element) {
    if (element instanceof Map<?, ?> map) {
      return new Fields(path + " " + name, (Map<String, Object>) map);
    }
    throw mistyped(name, element, "an object");
  }

  private IllegalArgumentException mistyped(String name, String expected) {
    return mistyped(name, values.get(name), expected);
  }

  private IllegalArgumentException mistyped(String name, Object value, String expected) {
    String found = value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    return new IllegalArgumentException(
        path + ": field " + name + " must be " + expected + ", got " + found);
  }
}
