package dev.firetap.event;

/**
 * Thrown by {@link EventCodec} when bytes are not an event as {@code docs/events.md} describes it.
 * The message names the offending field and the value found.
 */
public class EventFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the field and the value found. */
  public EventFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public EventFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
