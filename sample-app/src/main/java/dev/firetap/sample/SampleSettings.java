package dev.firetap.sample;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The sample app's settings, each from a system property ({@code -Dsample.port=8080}) or else an
 * environment variable ({@code SAMPLE_PORT=8080}); docs/demo.md lists them.
 *
 * @param port the HTTP port; 0 takes a free one
 * @param firestoreProject the Google Cloud project of the Firestore database
 * @param firestoreEmulator {@code host:port} of a Firestore emulator; null for Google's Firestore
 * @param redisUrl the Redis of the user profile cache and, for the handlers, of their state
 * @param outbox the JSON-lines file the handlers' message sender appends to
 * @param declineRatio the share of payments the fake gateway declines, from 0 to 1, besides every
 *     card ending in 0000
 * @param declineSeed makes {@code declineRatio} pick other payments
 * @param initialStock the stock each catalogue item starts with
 * @param firetap whether the agent starts Firetap or the application does
 */
public record SampleSettings(
    int port,
    String firestoreProject,
    String firestoreEmulator,
    String redisUrl,
    Path outbox,
    double declineRatio,
    long declineSeed,
    long initialStock,
    FiretapMode firetap) {

  /** How the application meets Firetap. */
  public enum FiretapMode {
    /** The agent captures writes and annotated calls and starts Firetap; the app does nothing. */
    AGENT,
    /** The build wove Firetap's aspects in: the app starts a Firetap instance itself. */
    LIBRARY
  }

  /** Checks the values. */
  public SampleSettings {
    Objects.requireNonNull(firestoreProject, "firestoreProject");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(firetap, "firetap");
  }

  /**
   * The settings of this process.
   *
   * @throws IllegalArgumentException naming the setting, the value and what is allowed
   */
  public static SampleSettings load() {
    return from(name -> lookUp(name, System.getProperties(), System.getenv()));
  }

  /** The settings of {@code values} by property name, e.g. {@code sample.port}; for tests. */
  public static SampleSettings fromMap(Map<String, String> values) {
    return from(values::get);
  }

  private static SampleSettings from(Function<String, String> source) {
    Values values = new Values(source);
    return new SampleSettings(
        (int) values.whole("sample.port", "8080", 0, 65_535),
        values.text("sample.firestore.project", "firetap-demo"),
        values.text("sample.firestore.emulator", System.getenv("FIRESTORE_EMULATOR_HOST")),
        values.text("sample.redis.url", "redis://127.0.0.1:6379"),
        Path.of(values.text("sample.outbox", "outbox.jsonl")),
        values.ratio("sample.payments.decline-ratio", "0"),
        values.whole("sample.payments.decline-seed", "1", Long.MIN_VALUE, Long.MAX_VALUE),
        values.whole("sample.inventory.initial-stock", "100000", 0, 1_000_000_000),
        values.mode("sample.firetap", "agent"));
  }

  private static String lookUp(
      String name, Map<Object, Object> properties, Map<String, String> env) {
    Object property = properties.get(name);
    if (property != null) {
      return property.toString();
    }
    return env.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
  }

  /** Reads and checks one setting at a time. */
  private record Values(Function<String, String> source) {
    String text(String name, String fallback) {
      String value = source.apply(name);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    long whole(String name, String fallback, long min, long max) {
      String value = text(name, fallback);
      try {
        long parsed = Long.parseLong(value);
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Reported below with the allowed range.
      }
      throw invalid(name, value, "a whole number from " + min + " to " + max);
    }

    double ratio(String name, String fallback) {
      String value = text(name, fallback);
      try {
        double parsed = Double.parseDouble(value);
        if (parsed >= 0 && parsed <= 1) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Reported below with the allowed range.
      }
      throw invalid(name, value, "a number from 0 to 1, such as 0.05");
    }

    FiretapMode mode(String name, String fallback) {
      String value = text(name, fallback);
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "agent" -> FiretapMode.AGENT;
        case "library" -> FiretapMode.LIBRARY;
        default -> throw invalid(name, value, "agent or library");
      };
    }

    private static IllegalArgumentException invalid(String name, String value, String allowed) {
      return new IllegalArgumentException(name + " must be " + allowed + ", got '" + value + "'");
    }
  }
}
