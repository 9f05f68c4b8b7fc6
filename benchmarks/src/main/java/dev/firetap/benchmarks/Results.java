package dev.firetap.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every benchmark does with its figures: medians, rounding, text and the JSON files. */
public final class Results {
  private static final JsonFactory JSON = new JsonFactory();

  private Results() {}

  /** Writes {@code value} (maps, lists, numbers, text) as JSON. */
  public static void write(Path results, Object value) throws IOException {
    Files.createDirectories(results.toAbsolutePath().getParent());
    try (JsonGenerator json = JSON.createGenerator(results.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      value(json, value);
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

  /** Reads a JSON file: objects as maps in their order, arrays as lists, numbers, text. */
  public static Object read(Path results) throws IOException {
    try (JsonParser json = JSON.createParser(results.toFile())) {
      json.nextToken();
      return value(json);
    }
  }

  private static Object value(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        json.nextToken();
        map.put(name, value(json));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (json.nextToken() != JsonToken.END_ARRAY) {
        list.add(value(json));
      }
      return list;
    }
    return switch (token) {
      case VALUE_STRING -> json.getText();
      case VALUE_NUMBER_INT -> json.getLongValue();
      case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
      case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + token + " at " + json.currentLocation());
    };
  }

  /** The upper median: the middle value, or the higher of the two middle ones. */
  public static double median(List<Double> values) {
    return quantile(values, 0.5);
  }

  /** The value at {@code fraction} (0.25 for the lower quartile) of the values once sorted. */
  public static double quantile(List<Double> values, double fraction) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * fraction)));
  }

  /** The value at {@code fraction} (0.5 for the median) of sorted values. */
  public static long percentile(long[] sorted, double fraction) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
  }

  /** The value rounded to three decimals. */
  public static double rounded(double value) {
    return rounded(value, 3);
  }

  /** The value rounded to {@code decimals} decimals. */
  public static double rounded(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** {@code 174,356/s}. */
  public static String perSecond(double value) {
    return String.format(Locale.ROOT, "%,.0f/s", value);
  }

  /** {@code 2.76 ms} from nanoseconds. */
  public static String millis(double nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  /** {@code 0.57} . */
  public static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
