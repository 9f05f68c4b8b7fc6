package dev.firetap.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every benchmark does with its figures: medians, rounding and the JSON results file. */
final class Results {
  private Results() {}

  /** Writes the figures as one JSON object. */
  static void write(Path results, Map<String, Object> figures) throws IOException {
    Files.createDirectories(results.toAbsolutePath().getParent());
    try (JsonGenerator json =
        new JsonFactory().createGenerator(results.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      value(json, figures);
    }
    System.out.println("results written to " + results);
  }

  /** Numbers and text as themselves, lists as arrays, maps as objects. */
  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        value(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        value(json, element);
      }
      json.writeEndArray();
    } else {
      json.writeObject(value);
    }
  }

  /** The upper median: the middle value, or the higher of the two middle ones. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  /** The value rounded to three decimals. */
  static double rounded(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
