package dev.firetap.console;

/**
 * The console could not start listening: the address of {@code firetap.console.bind} is not one of
 * this machine's, or the port of {@code firetap.console.port} is taken. The message names the
 * address, the port and the cause.
 */
public final class ConsoleStartException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message and cause. */
  public ConsoleStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
