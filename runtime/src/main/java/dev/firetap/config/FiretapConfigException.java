package dev.firetap.config;

import java.util.List;

/**
 * Thrown when Firetap settings are invalid. The message has one line per problem; each line names
 * the setting, the value found, what is allowed and, unless it is the default, where the value came
 * from. Credentials are never part of the message.
 */
public final class FiretapConfigException extends IllegalArgumentException {
  private final List<String> problems;

  FiretapConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems found, one message each, in the order of the message lines. */
  public List<String> problems() {
    return problems;
  }
}
