package dev.firetap.event;

import java.util.Objects;

/**
 * The code location that emitted a log event; written as {@code {"class": ..., "method": ...}}.
 *
 * @param className the fully qualified class name
 * @param method the method name
 */
public record LogSource(String className, String method) {
  /** Checks that no field is null. */
  public LogSource {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(method, "method");
  }
}
