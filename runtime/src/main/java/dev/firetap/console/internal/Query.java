package dev.firetap.console.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The decoded parameters of a query string, in their order.
 *
 * @param values every value of each parameter
 */
record Query(Map<String, List<String>> values) {
  Query {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    values = Collections.unmodifiableMap(copy);
  }

  /** The parameters of {@code raw}, the still encoded part after '?'; null or empty gives none. */
  static Query parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    return new Query(values);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The first value of {@code name}, stripped; empty when absent. */
  String first(String name) {
    List<String> all = all(name);
    return all.isEmpty() ? "" : all.get(0).strip();
  }

  /** The first value of {@code name}, or {@code fallback} when absent or blank. */
  String first(String name, String fallback) {
    String value = first(name);
    return value.isEmpty() ? fallback : value;
  }

  /** Every value of {@code name}, in order; empty when absent. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The same parameters without {@code name}. */
  Query without(String name) {
    Map<String, List<String>> rest = new LinkedHashMap<>(values);
    rest.remove(name);
    return new Query(rest);
  }

  /** The parameters encoded again, such as {@code a=1&b=x%20y}; empty when there are none. */
  String encoded() {
    StringJoiner joined = new StringJoiner("&");
    values.forEach(
        (name, list) -> list.forEach(value -> joined.add(encode(name) + "=" + encode(value))));
    return joined.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
