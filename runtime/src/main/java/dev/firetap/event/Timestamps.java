package dev.firetap.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * RFC 3339 timestamps as events carry them: always UTC, always exactly six fractional digits, for
 * example {@code 2026-12-03T12:00:00.123456Z}.
 */
public final class Timestamps {
  private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
  private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
  private static final int FORMATTED_LENGTH = 27;
  private static final String EXAMPLE = "2026-12-03T12:00:00.123456Z";
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private Timestamps() {}

  /**
   * Formats an instant as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}; nanoseconds below the microsecond
   * are dropped, not rounded.
   *
   * @throws IllegalArgumentException if the instant is outside the years 0000 to 9999
   */
  public static String format(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long seconds = checkRange(instant).getEpochSecond();
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    char[] text = new char[FORMATTED_LENGTH];
    digits(text, 0, 4, date.getYear());
    text[4] = '-';
    digits(text, 5, 2, date.getMonthValue());
    text[7] = '-';
    digits(text, 8, 2, date.getDayOfMonth());
    text[10] = 'T';
    digits(text, 11, 2, secondOfDay / 3600);
    text[13] = ':';
    digits(text, 14, 2, secondOfDay / 60 % 60);
    text[16] = ':';
    digits(text, 17, 2, secondOfDay % 60);
    text[19] = '.';
    digits(text, 20, 6, instant.getNano() / 1000);
    text[26] = 'Z';
    return new String(text);
  }

  /**
   * Parses any RFC 3339 date-time: {@code T} or {@code t} between date and time, zero to nine
   * fractional digits, and {@code Z}, {@code z} or a {@code +hh:mm}/{@code -hh:mm} offset.
   *
   * @throws IllegalArgumentException if the text is not such a timestamp
   */
  public static Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    Instant instant = parseOrNull(text);
    if (instant == null) {
      throw new IllegalArgumentException(
          "timestamp must be RFC 3339 such as " + EXAMPLE + ", got '" + text + "'");
    }
    return instant;
  }

  /** Truncates to microseconds, the precision events carry, after checking the year range. */
  static Instant toMicros(Instant instant) {
    return checkRange(instant).truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant checkRange(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
      throw new IllegalArgumentException(
          "timestamp must be within the years 0000 to 9999 for RFC 3339, got " + instant);
    }
    return instant;
  }

  private static void digits(char[] text, int start, int count, int value) {
    for (int i = start + count - 1; i >= start; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static Instant parseOrNull(String text) {
    if (text.length() < 20 || !hasDateTimeShape(text)) {
      return null;
    }
    int end = 19;
    int nanos = 0;
    if (text.charAt(end) == '.') {
      int fractionEnd = end + 1;
      while (fractionEnd < text.length() && isDigit(text.charAt(fractionEnd))) {
        fractionEnd++;
      }
      int fractionDigits = fractionEnd - end - 1;
      if (fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      nanos = number(text, end + 1, fractionDigits) * POWERS_OF_TEN[9 - fractionDigits];
      end = fractionEnd;
    }
    Integer offsetSeconds = offsetSeconds(text, end);
    if (offsetSeconds == null) {
      return null;
    }
    return toInstant(text, nanos, offsetSeconds);
  }

  private static boolean hasDateTimeShape(String text) {
    String shape = "dddd-dd-ddTdd:dd:dd";
    for (int i = 0; i < shape.length(); i++) {
      char expected = shape.charAt(i);
      char found = text.charAt(i);
      boolean matches =
          expected == 'd'
              ? isDigit(found)
              : expected == 'T' ? found == 'T' || found == 't' : found == expected;
      if (!matches) {
        return false;
      }
    }
    return true;
  }

  /** Returns the offset east of UTC in seconds, or null when the zone part is malformed. */
  private static Integer offsetSeconds(String text, int start) {
    int remaining = text.length() - start;
    char first = remaining > 0 ? text.charAt(start) : ' ';
    if (remaining == 1 && (first == 'Z' || first == 'z')) {
      return 0;
    }
    if (remaining != 6 || (first != '+' && first != '-') || text.charAt(start + 3) != ':') {
      return null;
    }
    if (!allDigits(text, start + 1, 2) || !allDigits(text, start + 4, 2)) {
      return null;
    }
    int hours = number(text, start + 1, 2);
    int minutes = number(text, start + 4, 2);
    if (hours > 23 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    return first == '-' ? -seconds : seconds;
  }

  private static Instant toInstant(String text, int nanos, int offsetSeconds) {
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
      long secondOfDay = hour * 3600L + minute * 60L + second;
      return Instant.ofEpochSecond(
          date.toEpochDay() * 86_400L + secondOfDay - offsetSeconds, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean allDigits(String text, int start, int count) {
    for (int i = start; i < start + count; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
