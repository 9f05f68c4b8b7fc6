package dev.firetap.event;

import java.util.Locale;
import java.util.Objects;

/** The severity of a {@link LogEvent}. */
public enum Level {
  /** Detail useful while developing or diagnosing. */
  DEBUG("debug"),
  /** A normal, noteworthy event. */
  INFO("info"),
  /** Something unexpected that the application handled. */
  WARN("warn"),
  /** A failure. */
  ERROR("error");

  private final String wireName;

  Level(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the name used in JSON and in stream keys: {@code debug}, {@code info}, ... */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the level whose {@link #wireName()} is exactly {@code wireName}.
   *
   * @throws IllegalArgumentException if no level has that wire name (case matters)
   */
  public static Level fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName");
    Level level = forWireName(wireName);
    if (level == null) {
      throw new IllegalArgumentException(
          "level must be one of debug, info, warn, error, got '" + wireName + "'");
    }
    return level;
  }

  /**
   * Parses a level typed by a person: any case, surrounding blanks ignored, and {@code warning}
   * accepted for {@link #WARN}.
   *
   * @throws IllegalArgumentException if the text names no level
   */
  public static Level parse(String text) {
    Objects.requireNonNull(text, "text");
    String name = text.strip().toLowerCase(Locale.ROOT);
    Level level = "warning".equals(name) ? WARN : forWireName(name);
    if (level == null) {
      throw new IllegalArgumentException(
          "level must be one of debug, info, warn (or warning), error in any case, got '"
              + text
              + "'");
    }
    return level;
  }

  /** Returns the level with this exact wire name, or null when there is none. */
  static Level forWireName(String wireName) {
    for (Level level : values()) {
      if (level.wireName.equals(wireName)) {
        return level;
      }
    }
    return null;
  }
}
