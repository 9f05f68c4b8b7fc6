package dev.firetap.sample;

import java.util.regex.Pattern;

/**
 * Checks of request values. Each failure is an {@link IllegalArgumentException} whose message names
 * the field, what is allowed and the value found; the API answers it with 400.
 */
public final class Checks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Checks() {}

  /**
   * {@code value} if it is an id of 1 to 64 of {@code A-Z a-z 0-9 _ -}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String id(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1 to 64 of A-Z a-z 0-9 _ -, got " + quoted(value));
    }
    return value;
  }

  /**
   * {@code value} if it lies from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  /**
   * {@code value} if it is not null.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required, got none");
    }
    return value;
  }

  private static String quoted(String value) {
    return value == null ? "none" : "'" + value + "'";
  }
}
