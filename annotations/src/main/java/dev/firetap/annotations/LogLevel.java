package dev.firetap.annotations;

/**
 * The level of the log event a {@link Logged} method emits when it returns normally; a method that
 * throws always emits an {@code error} event.
 */
public enum LogLevel {
  /** Detail useful while developing or diagnosing. */
  DEBUG,
  /** A normal, noteworthy event. */
  INFO,
  /** Something unexpected that the application handled. */
  WARN,
  /** A failure. */
  ERROR
}
