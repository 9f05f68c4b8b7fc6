package dev.firetap.handler.internal;

import java.util.regex.Pattern;

/** The rule for handler ids, which name consumer groups and Redis keys. */
public final class HandlerIds {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  private HandlerIds() {}

  /**
   * Returns {@code id} when it is allowed.
   *
   * @throws IllegalArgumentException naming the id and the allowed form
   */
  public static String check(String id) {
    if (id == null || !ALLOWED.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "handler id must be 1 to 100 of the characters A-Z a-z 0-9 _ . -, got '" + id + "'");
    }
    return id;
  }
}
