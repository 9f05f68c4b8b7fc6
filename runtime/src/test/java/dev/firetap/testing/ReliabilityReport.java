package dev.firetap.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the results table of docs/reliability.md from the {@link FaultResult} files of every
 * module: {@code <project> [<output file>]}. The table replaces what stands between the markers
 * {@code <!-- results:start -->} and {@code <!-- results:end -->} of the output file
 * (docs/reliability.md unless given); the rest of the file is kept.
 */
public final class ReliabilityReport {
  static final String START = "<!-- results:start -->";
  static final String END = "<!-- results:end -->";
  private static final List<String> MODULES = List.of("runtime", "agent");

  private ReliabilityReport() {}

  public static void main(String[] args) throws IOException {
    Path project = Path.of(args.length > 0 ? args[0] : ".");
    Path output = args.length > 1 ? Path.of(args[1]) : project.resolve("docs/reliability.md");
    List<Map<String, Object>> results = read(project);
    if (results.isEmpty()) {
      throw new IllegalStateException(
          "no results in " + project + "/{runtime,agent}/target/reliability: run the suite first");
    }
    String document = Files.readString(output, StandardCharsets.UTF_8);
    Files.writeString(output, replaceTable(document, table(results)), StandardCharsets.UTF_8);
    System.out.println("wrote " + results.size() + " scenarios to " + output);
  }

  static List<Map<String, Object>> read(Path project) throws IOException {
    List<Map<String, Object>> results = new ArrayList<>();
    for (String module : MODULES) {
      results.addAll(readDirectory(project.resolve(module).resolve("target/reliability")));
    }
    results.sort(Comparator.comparing(result -> (String) result.get("scenario")));
    return results;
  }

  private static List<Map<String, Object>> readDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Map<String, Object>> results = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        results.add(parse(file));
      }
      return results;
    }
  }

  private static Map<String, Object> parse(Path file) throws IOException {
    try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
      json.nextToken();
      return object(json);
    }
  }

  private static Map<String, Object> object(JsonParser json) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      fields.put(name, value == JsonToken.START_OBJECT ? object(json) : json.getText());
    }
    return fields;
  }

  static String table(List<Map<String, Object>> results) {
    StringBuilder table = new StringBuilder(heading(results));
    table.append("| scenario | form | load | fault | written | delivered | lost | duplicates |");
    table.append(" outcome | took | measured |\n");
    table.append("|---|---|---|---|---:|---:|---:|---:|---|---:|---|\n");
    for (Map<String, Object> result : results) {
      table.append(
          Stream.of(
                  "`" + result.get("scenario") + "`",
                  result.get("form"),
                  result.get("load"),
                  result.get("fault"),
                  result.get("eventsWritten"),
                  result.get("eventsDelivered"),
                  result.get("lost"),
                  result.get("duplicates"),
                  result.get("outcome"),
                  result.get("durationSeconds") + " s",
                  figures(result.get("figures")))
              .map(cell -> String.valueOf(cell).replace("|", "\\|"))
              .collect(Collectors.joining(" | ", "| ", " |\n")));
    }
    return table.toString();
  }

  /** Which form the results come from, and that a short form is not the full one. */
  private static String heading(List<Map<String, Object>> results) {
    Set<Object> forms =
        results.stream().map(result -> result.get("form")).collect(Collectors.toSet());
    String heading =
        "Generated on %s from %s-form results."
            .formatted(LocalDate.now(ZoneOffset.UTC), String.join(" and ", sorted(forms)));
    if (forms.contains("short")) {
      heading +=
          " The short form uses the lower loads and shorter faults above; `./firetap faults`"
              + " runs the full form.";
    }
    return heading + "\n\n";
  }

  private static List<String> sorted(Set<Object> forms) {
    return forms.stream().map(String::valueOf).sorted().toList();
  }

  @SuppressWarnings("unchecked") // parse() puts only maps of strings under "figures"
  private static String figures(Object figures) {
    if (!(figures instanceof Map<?, ?> map) || map.isEmpty()) {
      return "";
    }
    return ((Map<String, Object>) map)
        .entrySet().stream()
            .map(figure -> figure.getKey() + " " + figure.getValue())
            .collect(Collectors.joining("; "));
  }

  static String replaceTable(String document, String table) {
    int start = document.indexOf(START);
    int end = document.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException(
          "the report file must hold the markers " + START + " and " + END + " in this order");
    }
    return document.substring(0, start + START.length()) + "\n" + table + document.substring(end);
  }
}
