package dev.firetap.console.internal;

import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the logs page asks for: the levels, and filters that must all match.
 *
 * @param levels the levels whose streams are read
 * @param text a substring of the event name or the message, in any case; empty for any
 * @param service the exact service; empty for any
 * @param userId the exact user id; empty for any
 * @param limit at most this many events, newest first
 */
record LogQuery(Set<Level> levels, String text, String service, String userId, int limit) {
  static final int MAX_LIMIT = 1000;
  private static final int DEFAULT_LIMIT = 100;

  LogQuery {
    levels = Set.copyOf(levels);
  }

  /**
   * The query of the parameters {@code level} ({@code all} or a level), {@code q}, {@code service},
   * {@code user} and {@code limit}.
   *
   * @throws IllegalArgumentException naming the parameter and the value when one is invalid
   */
  static LogQuery parse(Query query) {
    return new LogQuery(
        levels(query.first("level", "all")),
        query.first("q"),
        query.first("service"),
        query.first("user"),
        limit(query.first("limit", Integer.toString(DEFAULT_LIMIT))));
  }

  private static Set<Level> levels(String level) {
    if (level.equalsIgnoreCase("all")) {
      return EnumSet.allOf(Level.class);
    }
    try {
      return EnumSet.of(Level.parse(level));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "level must be all, debug, info, warn or error, got '" + level + "'", e);
    }
  }

  private static int limit(String limit) {
    try {
      int parsed = Integer.parseInt(limit);
      if (parsed >= 1 && parsed <= MAX_LIMIT) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the allowed range.
    }
    throw new IllegalArgumentException(
        "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
  }

  /** True when the event passes every filter. */
  boolean matches(LogEvent event) {
    return (service.isEmpty() || service.equals(event.service()))
        && (userId.isEmpty() || userId.equals(event.userId()))
        && (text.isEmpty() || contains(event.event()) || contains(event.message()));
  }

  private boolean contains(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
  }
}
