package dev.firetap.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a JFR recording of a part that missed its goal says: where the samples fell, as a share of
 * all samples (CPU) or of all sampled allocation (allocation).
 *
 * @param file the recording, relative to the project root
 * @param kind what was sampled
 * @param total how many samples (CPU) or bytes (allocation) the shares are of
 * @param hotMethods the methods that were on top of the stack most, highest share first
 * @param firetapMethods the innermost Firetap method of each sample (a caller when the top is a
 *     library or JDK method), highest share first
 */
public record Profile(
    String file,
    Kind kind,
    long total,
    List<HotMethod> hotMethods,
    List<HotMethod> firetapMethods) {

  /** Copies the lists. */
  public Profile {
    hotMethods = List.copyOf(hotMethods);
    firetapMethods = List.copyOf(firetapMethods);
  }

  /** What a recording is summarised by. */
  public enum Kind {
    /** Execution samples of running Java threads: where CPU time goes. */
    CPU("jdk.ExecutionSample"),
    /** Sampled allocations, weighted by the bytes they stand for: where allocation comes from. */
    ALLOCATION("jdk.ObjectAllocationSample");

    private final String event;

    Kind(String event) {
      this.event = event;
    }

    /** The JFR event type summarised. */
    public String event() {
      return event;
    }
  }

  /**
   * One method and its share of the samples.
   *
   * @param method the class and method name, {@code dev.firetap.event.EventJsonWriter.write}
   * @param percent its share, 0 to 100
   */
  public record HotMethod(String method, double percent) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("method", method);
      map.put("percent", percent);
      return map;
    }
  }

  /** This profile as JSON-ready maps and lists. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("file", file);
    map.put("kind", kind.name());
    map.put("event", kind.event());
    map.put("total", total);
    map.put("hotMethods", methods(hotMethods));
    map.put("firetapMethods", methods(firetapMethods));
    return map;
  }

  /** The profile that {@link #toMap()} made. */
  static Profile fromMap(Map<String, Object> map) {
    return new Profile(
        (String) map.get("file"),
        Kind.valueOf((String) map.get("kind")),
        ((Number) map.get("total")).longValue(),
        methods(map.get("hotMethods")),
        methods(map.get("firetapMethods")));
  }

  private static List<Map<String, Object>> methods(List<HotMethod> methods) {
    return methods.stream().map(HotMethod::toMap).toList();
  }

  private static List<HotMethod> methods(Object list) {
    return ((List<?>) list)
        .stream()
            .map(entry -> (Map<?, ?>) entry)
            .map(
                entry ->
                    new HotMethod(
                        (String) entry.get("method"),
                        ((Number) entry.get("percent")).doubleValue()))
            .toList();
  }
}
