package dev.firetap.config;

import java.util.Objects;

/**
 * A setting's value that must never be shown, such as the console token: {@link #toString()} hides
 * it, so that it cannot reach a log line through the configuration.
 *
 * @param value the value; empty when none was given
 */
public record Secret(String value) {
  /** No value given. */
  public static final Secret NONE = new Secret("");

  /** Rejects null. */
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** True when no value was given. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** {@code ***}, or {@code none} when empty; never the value. */
  @Override
  public String toString() {
    return isEmpty() ? "none" : "***";
  }
}
