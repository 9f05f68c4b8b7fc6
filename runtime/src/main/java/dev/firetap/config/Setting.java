package dev.firetap.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The definition of one Firetap setting: its name, default, what is allowed and what it does.
 * {@link Settings#all()} lists every one.
 *
 * @param <T> the type of the setting's value in {@link FiretapConfig}
 */
public final class Setting<T> {
  private static final String PREFIX = "firetap.";

  private final String name;
  private final String component;
  private final Rule<T> rule;
  private final String defaultText;
  private final Function<Map<String, String>, String> defaultValue;
  private final String description;

  private Setting(
      String name,
      String component,
      Rule<T> rule,
      String defaultText,
      Function<Map<String, String>, String> defaultValue,
      String description) {
    if (!name.startsWith(PREFIX)) {
      throw new IllegalArgumentException("setting names start with firetap., got '" + name + "'");
    }
    this.name = name;
    this.component = component;
    this.rule = rule;
    this.defaultText = defaultText;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** A setting whose default is the same everywhere. */
  static <T> Setting<T> of(
      String name, String component, Rule<T> rule, String defaultValue, String description) {
    return new Setting<>(name, component, rule, defaultValue, jvm -> defaultValue, description);
  }

  /**
   * A setting whose default depends on the JVM: {@code defaultValue} receives the system properties
   * and returns the default's text; {@code defaultText} describes it for people.
   */
  static <T> Setting<T> computed(
      String name,
      String component,
      Rule<T> rule,
      String defaultText,
      Function<Map<String, String>, String> defaultValue,
      String description) {
    return new Setting<>(name, component, rule, defaultText, defaultValue, description);
  }

  /** The full name, e.g. {@code firetap.redis.url}; also the system property's name. */
  public String name() {
    return name;
  }

  /** The name without {@code firetap.}, as written in agent arguments, e.g. {@code redis.url}. */
  public String shortName() {
    return name.substring(PREFIX.length());
  }

  /** The environment variable, e.g. {@code FIRETAP_SPOOL_MAX_BYTES} for spool.max-bytes. */
  public String environmentVariable() {
    return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The default as documented, e.g. {@code 5s} or {@code ${user.home}/.firetap/spool}. */
  public String defaultText() {
    return defaultText;
  }

  /** What is allowed, e.g. {@code a whole number from 1 to 10000}. */
  public String rule() {
    return rule.description();
  }

  /** What the setting does. */
  public String description() {
    return description;
  }

  /** The name of the {@link FiretapConfig} record component holding the value. */
  String component() {
    return component;
  }

  /**
   * Parses and validates a value of this setting.
   *
   * @throws IllegalArgumentException naming this setting, the text and what is allowed
   */
  T parse(String text) {
    return rule.parse(name, text);
  }

  /** The default's text in a JVM with these system properties. */
  String defaultValue(Map<String, String> systemProperties) {
    return defaultValue.apply(systemProperties);
  }

  /** A value of this setting as a user would write it, without credentials. */
  @SuppressWarnings("unchecked")
  String format(Object value) {
    return rule.format((T) Objects.requireNonNull(value, "value"));
  }

  @Override
  public String toString() {
    return name;
  }
}
