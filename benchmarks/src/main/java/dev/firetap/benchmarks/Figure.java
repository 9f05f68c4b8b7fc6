package dev.firetap.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured figure, as the results file and the report show it: what was measured, its baseline
 * in the same run, the result, the goal and whether it was met, the numbers behind it, and the
 * profiles recorded when it was missed.
 *
 * @param id a stable name, {@code <benchmark>.<figure>}; also the name of its profile files
 * @param name what was measured, for people
 * @param baseline the baseline and its result in the same run, or {@code —} when there is none
 * @param result the result, with the ratio to the baseline where there is one
 * @param goal the goal, or {@code —}
 * @param verdict whether the goal was met
 * @param values the numbers behind the result, for programs
 * @param profiles JFR profiles of the part, recorded because the goal was missed
 */
public record Figure(
    String id,
    String name,
    String baseline,
    String result,
    String goal,
    Verdict verdict,
    Map<String, Object> values,
    List<Profile> profiles) {
  private static final String NONE = "—";

  /** Copies the collections, keeping the order of the values. */
  public Figure {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    profiles = List.copyOf(profiles);
  }

  /** Whether a figure met its goal. */
  public enum Verdict {
    MET,
    MISSED,
    NO_GOAL;

    static Verdict of(boolean met) {
      return met ? MET : MISSED;
    }
  }

  /** A figure without a goal, compared with {@code baseline} (or {@code —}). */
  public static Figure of(
      String id, String name, String baseline, String result, Map<String, Object> values) {
    return new Figure(id, name, baseline, result, NONE, Verdict.NO_GOAL, values, List.of());
  }

  /** This figure with the goal {@code goal}, met or not. */
  public Figure withGoal(String goal, boolean met) {
    return new Figure(id, name, baseline, result, goal, Verdict.of(met), values, profiles);
  }

  /** This figure with one more profile. */
  public Figure withProfile(Profile profile) {
    List<Profile> more = new ArrayList<>(profiles);
    more.add(profile);
    return new Figure(id, name, baseline, result, goal, verdict, values, more);
  }

  /** Whether the goal was missed, so the part should be profiled. */
  public boolean missed() {
    return verdict == Verdict.MISSED;
  }

  /** This figure as JSON-ready maps and lists. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", id);
    map.put("figure", name);
    map.put("baseline", baseline);
    map.put("result", result);
    map.put("goal", goal);
    map.put("verdict", verdict.name());
    map.put("values", values);
    map.put("profiles", profiles.stream().map(Profile::toMap).toList());
    return map;
  }

  /** The figure that {@link #toMap()} made. */
  @SuppressWarnings("unchecked")
  static Figure fromMap(Map<String, Object> map) {
    return new Figure(
        (String) map.get("id"),
        (String) map.get("figure"),
        (String) map.get("baseline"),
        (String) map.get("result"),
        (String) map.get("goal"),
        Verdict.valueOf((String) map.get("verdict")),
        (Map<String, Object>) map.get("values"),
        ((List<Map<String, Object>>) map.get("profiles")).stream().map(Profile::fromMap).toList());
  }
}
