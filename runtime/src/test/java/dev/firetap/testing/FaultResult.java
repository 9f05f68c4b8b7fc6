package dev.firetap.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one fault-injection scenario, written as {@code
 * target/reliability/<scenario>.json} of the module under test; {@code ReliabilityReport} turns the
 * files of every module into the table of docs/reliability.md.
 *
 * @param scenario the file name and the row's key, e.g. {@code redis-killed}
 * @param load what the application did, e.g. {@code 1000 writes/s for 25 s}
 * @param fault what was done to it, e.g. {@code redis-server killed (SIGKILL) for 15 s}
 * @param durationSeconds how long the run took
 * @param written events that must arrive (committed writes, emitted events)
 * @param delivered distinct events that arrived
 * @param lost written events that never arrived
 * @param duplicates events that arrived, or ran a handler's side effect, more than once
 * @param outcome {@code passed} or what went wrong, in one line
 * @param figures measured values worth reporting, by name (ordered as given)
 */
public record FaultResult(
    String scenario,
    String load,
    String fault,
    double durationSeconds,
    long written,
    long delivered,
    long lost,
    long duplicates,
    String outcome,
    Map<String, Object> figures) {
  /** The directory the results are written to: the module's {@code target/reliability}. */
  public static final Path DIRECTORY =
      Path.of(System.getProperty("basedir", "."), "target", "reliability");

  /** Copies {@code figures}, keeping its order. */
  public FaultResult {
    Objects.requireNonNull(scenario, "scenario");
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /**
   * True when the suite runs in its full form ({@code -Dfiretap.faults=full}, the lengths of
   * docs/reliability.md), false for the short form {@code mvn verify} runs.
   */
  public static boolean fullForm() {
    return "full".equals(System.getProperty("firetap.faults"));
  }

  /** {@code full} or {@code short}. */
  public static String form() {
    return fullForm() ? "full" : "short";
  }

  /** Writes this result to {@code target/reliability/<scenario>.json} and returns that path. */
  public Path write() {
    Path file = DIRECTORY.resolve(scenario + ".json");
    try {
      Files.createDirectories(DIRECTORY);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          JsonGenerator json = new JsonFactory().createGenerator(out)) {
        json.useDefaultPrettyPrinter();
        writeFields(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    System.out.println("reliability result " + file.toAbsolutePath() + ": " + this);
    return file;
  }

  private void writeFields(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("scenario", scenario);
    json.writeStringField("form", form());
    json.writeStringField("load", load);
    json.writeStringField("fault", fault);
    json.writeNumberField("durationSeconds", Math.round(durationSeconds * 10) / 10.0);
    json.writeNumberField("eventsWritten", written);
    json.writeNumberField("eventsDelivered", delivered);
    json.writeNumberField("lost", lost);
    json.writeNumberField("duplicates", duplicates);
    json.writeStringField("outcome", outcome);
    json.writeObjectFieldStart("figures");
    for (Map.Entry<String, Object> figure : figures.entrySet()) {
      json.writeFieldName(figure.getKey());
      writeValue(json, figure.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Integer || value instanceof Long) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number number) {
      json.writeNumber(Math.round(number.doubleValue() * 100) / 100.0);
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
