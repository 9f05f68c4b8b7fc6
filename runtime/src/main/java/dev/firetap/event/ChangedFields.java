package dev.firetap.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Computes which top-level fields a document change touched. */
public final class ChangedFields {
  private ChangedFields() {}

  /**
   * Returns the sorted names of the top-level fields whose value differs between {@code before} and
   * {@code after}. A field present on one side only counts as changed, and a change anywhere inside
   * a nested map or list marks its top-level field. When {@code before} is null (a create) all
   * fields of {@code after} are returned; when {@code after} is null (a delete) all fields of
   * {@code before}; when both are null, none. Values are compared after {@link JsonValues}
   * normalization, so {@code 1} and {@code 1L} are equal.
   *
   * @return an immutable sorted list
   */
  public static List<String> between(Map<?, ?> before, Map<?, ?> after) {
    Map<String, Object> old = before == null ? null : JsonValues.normalizeMap(before, "before");
    Map<String, Object> now = after == null ? null : JsonValues.normalizeMap(after, "after");
    if (old == null || now == null) {
      Map<String, Object> present = old == null ? now : old;
      return present == null ? List.of() : sorted(present.keySet());
    }
    TreeSet<String> changed = new TreeSet<>();
    for (Map.Entry<String, Object> field : old.entrySet()) {
      String name = field.getKey();
      if (!now.containsKey(name) || !Objects.equals(field.getValue(), now.get(name))) {
        changed.add(name);
      }
    }
    for (String name : now.keySet()) {
      if (!old.containsKey(name)) {
        changed.add(name);
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(changed));
  }

  private static List<String> sorted(Iterable<String> names) {
    TreeSet<String> sorted = new TreeSet<>();
    names.forEach(sorted::add);
    return Collections.unmodifiableList(new ArrayList<>(sorted));
  }
}
