package dev.firetap.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark in one run.
 *
 * @param name the benchmark, as {@code ./firetap bench <name>} knows it
 * @param seconds how long it ran, profiles included
 * @param figures its figures, in the order of the report
 * @param error why it stopped before giving its figures, or empty
 */
public record Section(String name, long seconds, List<Figure> figures, String error) {
  /** Copies the list. */
  public Section {
    figures = List.copyOf(figures);
  }

  /** A benchmark that gave its figures. */
  public static Section of(String name, long seconds, List<Figure> figures) {
    return new Section(name, seconds, figures, "");
  }

  /** A benchmark that failed with {@code error}. */
  public static Section failed(String name, long seconds, Throwable error) {
    return new Section(name, seconds, List.of(), String.valueOf(error));
  }

  /** The command that runs this benchmark alone. */
  public String command() {
    return "./firetap bench " + name;
  }

  /** This section as JSON-ready maps and lists. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("command", command());
    map.put("seconds", seconds);
    if (!error.isEmpty()) {
      map.put("error", error);
    }
    map.put("figures", figures.stream().map(Figure::toMap).toList());
    return map;
  }

  /** The section that {@link #toMap()} made. */
  @SuppressWarnings("unchecked")
  static Section fromMap(Map<String, Object> map) {
    return new Section(
        (String) map.get("name"),
        ((Number) map.get("seconds")).longValue(),
        ((List<Map<String, Object>>) map.get("figures")).stream().map(Figure::fromMap).toList(),
        (String) map.getOrDefault("error", ""));
  }
}
