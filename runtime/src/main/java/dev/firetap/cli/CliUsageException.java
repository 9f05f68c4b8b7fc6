package dev.firetap.cli;

import java.util.Objects;

/** Bad input on the command line: what was wrong, and the usage of the command concerned. */
public final class CliUsageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String usage;

  /** Creates the exception; {@code usage} is printed after the message. */
  public CliUsageException(String message, String usage) {
    super(Objects.requireNonNull(message, "message"));
    this.usage = Objects.requireNonNull(usage, "usage");
  }

  /** The usage lines of the command concerned, or of every command. */
  public String usage() {
    return usage;
  }
}
