package dev.firetap.event;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * The error attached to a log event.
 *
 * @param type the fully qualified class name of the throwable
 * @param message the throwable's message, or null when it has none
 * @param stack the stack trace text, as {@link Throwable#printStackTrace()} prints it
 */
public record ErrorInfo(String type, String message, String stack) {
  /** The longest stack text {@link #of(Throwable)} keeps, in characters. */
  public static final int MAX_STACK_CHARS = 16 * 1024;

  private static final String TRUNCATED_MARKER =
      "\t... stack trace truncated at " + MAX_STACK_CHARS + " characters";

  /** Checks that {@code type} and {@code stack} are not null. */
  public ErrorInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stack, "stack");
  }

  /**
   * Describes a throwable: its class name, its message and its full stack trace including causes
   * and suppressed exceptions. A stack longer than {@link #MAX_STACK_CHARS} is cut at a line end
   * and ends with a marker line saying so.
   */
  public static ErrorInfo of(Throwable throwable) {
    Objects.requireNonNull(throwable, "throwable");
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      throwable.printStackTrace(writer);
    }
    return new ErrorInfo(
        throwable.getClass().getName(), throwable.getMessage(), capped(text.toString()));
  }

  private static String capped(String stack) {
    if (stack.length() <= MAX_STACK_CHARS) {
      return stack;
    }
    int room = MAX_STACK_CHARS - TRUNCATED_MARKER.length() - 1;
    int cut = stack.lastIndexOf('\n', room - 1) + 1;
    return stack.substring(0, cut > 0 ? cut : room) + TRUNCATED_MARKER + "\n";
  }
}
