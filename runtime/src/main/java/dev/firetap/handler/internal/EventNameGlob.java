package dev.firetap.handler.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** A log event name pattern: {@code *} matches any run of characters, {@code ?} one character. */
public final class EventNameGlob {
  private final String glob;
  private final Pattern pattern;

  private EventNameGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  /**
   * Compiles {@code glob}.
   *
   * @throws IllegalArgumentException if it is blank
   */
  public static EventNameGlob of(String glob) {
    Objects.requireNonNull(glob, "glob");
    if (glob.isBlank()) {
      throw new IllegalArgumentException(
          "log handler event pattern must be a name or a glob such as 'order.*', got '"
              + glob
              + "'");
    }
    StringBuilder regex = new StringBuilder();
    for (String literal : glob.split("(?=[*?])|(?<=[*?])")) {
      switch (literal) {
        case "*" -> regex.append(".*");
        case "?" -> regex.append('.');
        default -> regex.append(Pattern.quote(literal));
      }
    }
    return new EventNameGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  /** Whether the whole {@code name} matches. */
  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
