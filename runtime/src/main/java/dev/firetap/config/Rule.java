package dev.firetap.config;

/**
 * How the text of one setting becomes a value: what is allowed, the parser and the reverse.
 *
 * @param <T> the type of the parsed value
 */
interface Rule<T> {
  /** What is allowed, phrased to follow "must be", e.g. {@code a whole number from 1 to 10}. */
  String description();

  /**
   * Parses and validates the text of a setting.
   *
   * @throws IllegalArgumentException with a message naming the setting, the text and what is
   *     allowed, if the text is not allowed
   */
  T parse(String setting, String text);

  /** The value in the form a user would write it. */
  String format(T value);
}
