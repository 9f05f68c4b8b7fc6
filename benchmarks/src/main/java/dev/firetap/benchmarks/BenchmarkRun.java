package dev.firetap.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of one or more benchmarks: what {@code benchmarks/results/*.json} hold and what {@link
 * BenchmarkReport} turns into {@code docs/benchmarks.md}.
 *
 * @param command the command that made it
 * @param machine where it ran
 * @param seconds how long it took
 * @param sections the figures of each benchmark
 */
public record BenchmarkRun(String command, Machine machine, long seconds, List<Section> sections) {
  /** Copies the list. */
  public BenchmarkRun {
    sections = List.copyOf(sections);
  }

  /** Every figure of every section, in order. */
  public List<Figure> figures() {
    return sections.stream().flatMap(section -> section.figures().stream()).toList();
  }

  /** Writes this run to {@code file} as JSON. */
  public void write(Path file) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("command", command);
    map.put("seconds", seconds);
    map.put("machine", machine.toMap());
    map.put("sections", sections.stream().map(Section::toMap).toList());
    Results.write(file, map);
  }

  /** Reads a run that {@link #write(Path)} wrote. */
  @SuppressWarnings("unchecked")
  public static BenchmarkRun read(Path file) throws IOException {
    Map<String, Object> map = (Map<String, Object>) Results.read(file);
    return new BenchmarkRun(
        (String) map.get("command"),
        Machine.fromMap((Map<String, Object>) map.get("machine")),
        ((Number) map.get("seconds")).longValue(),
        ((List<Map<String, Object>>) map.get("sections")).stream().map(Section::fromMap).toList());
  }
}
