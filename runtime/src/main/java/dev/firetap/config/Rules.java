package dev.firetap.config;

import dev.firetap.redis.RedisEndpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of values settings take: booleans, bounded numbers, durations, sizes and names. */
final class Rules {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,18})(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,18})(b|kb|mb|gb|kib|mib|gib)?");
  private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9_.-]*");
  private static final Pattern RESERVED_COLLECTION_ID = Pattern.compile("__.*__");
  private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final String HOST_LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern HOST_NAME = Pattern.compile(HOST_LABEL + "(\\." + HOST_LABEL + ")*");
  private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9._~-]*");
  private static final int MAX_HOST_NAME_LENGTH = 253;
  private static final long KB = 1024;
  private static final long MB = KB * 1024;
  private static final long GB = MB * 1024;
  private static final int MAX_COLLECTION_ID_BYTES = 1500;

  private Rules() {}

  static Rule<Boolean> bool() {
    return checked("true or false", Rules::parseBoolean, String::valueOf);
  }

  static Rule<Integer> wholeNumber(int min, int max) {
    return checked(
        "a whole number from " + min + " to " + max,
        text -> (int) parseWholeNumber(text, min, max),
        String::valueOf);
  }

  static Rule<Long> wholeNumber(long min, long max) {
    return checked(
        "a whole number from " + min + " to " + max,
        text -> parseWholeNumber(text, min, max),
        String::valueOf);
  }

  static Rule<Duration> duration(Duration min, Duration max) {
    String description =
        "a duration from "
            + formatDuration(min)
            + " to "
            + formatDuration(max)
            + " (a whole number with unit ms, s, m or h, or ISO-8601 such as PT5S)";
    return checked(description, text -> parseDuration(text, min, max), Rules::formatDuration);
  }

  static Rule<Long> size(long min, long max) {
    String description =
        "a size from "
            + formatSize(min)
            + " to "
            + formatSize(max)
            + " (a whole number with optional unit B, KB, MB, GB, KiB, MiB or GiB; 1KB = 1024B)";
    return checked(description, text -> parseSize(text, min, max), Rules::formatSize);
  }

  static Rule<String> name(int maxLength) {
    String description = "1 to " + maxLength + " characters of A-Z, a-z, 0-9, '_', '.' and '-'";
    return checked(description, text -> parseName(text, maxLength), Function.identity());
  }

  static Rule<List<String>> nameList(int maxLength) {
    String description =
        "names of 1 to "
            + maxLength
            + " characters of A-Z, a-z, 0-9, '_', '.' and '-', separated by ',' (may be empty)";
    return checked(
        description, text -> parseNameList(text, maxLength), names -> String.join(",", names));
  }

  static Rule<Path> path() {
    return checked("a file system path", Rules::parsePath, Path::toString);
  }

  static Rule<String> collectionId() {
    String description =
        "a Firestore collection id: 1 to 1500 bytes, no '/', not '.' or '..', not like __name__";
    return checked(description, Rules::parseCollectionId, Function.identity());
  }

  static Rule<RedisEndpoint> redisUrl() {
    return new Rule<>() {
      @Override
      public String description() {
        return "a redis:// or rediss:// URL: redis://[[user]:password@]host[:port][/db],"
            + " db 0 to 15; or a redis-cluster:// or rediss-cluster:// URL:"
            + " redis-cluster://[[user]:password@]host:port[,host:port...]";
      }

      @Override
      public RedisEndpoint parse(String setting, String text) {
        return RedisEndpoint.parse(text);
      }

      @Override
      public String format(RedisEndpoint value) {
        return value.password().isPresent()
            ? value.redacted() + " (with credentials)"
            : value.redacted();
      }
    };
  }

  static Rule<String> hostAddress() {
    return checked(
        "an IP address or a host name, such as 127.0.0.1, ::1, 0.0.0.0 or localhost",
        Rules::parseHostAddress,
        Function.identity());
  }

  /**
   * A secret of URL-safe characters, or nothing. Neither {@code format} nor a rejection shows it: a
   * rejected value may be the real one with a typo.
   */
  static Rule<Secret> secretToken(int minLength, int maxLength) {
    String description =
        "nothing (a random token) or "
            + minLength
            + " to "
            + maxLength
            + " characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'";
    return new Rule<>() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public Secret parse(String setting, String text) {
        String token = text.strip();
        boolean valid =
            token.isEmpty()
                || (token.length() >= minLength
                    && token.length() <= maxLength
                    && TOKEN_CHARACTERS.matcher(token).matches());
        if (!valid) {
          throw new IllegalArgumentException(
              setting
                  + " must be "
                  + description
                  + ", got "
                  + token.length()
                  + (token.length() == 1 ? " character" : " characters")
                  + " (not shown: it is a secret)");
        }
        return token.isEmpty() ? Secret.NONE : new Secret(token);
      }

      @Override
      public String format(Secret value) {
        return value.toString();
      }
    };
  }

  static Rule<SnapshotMode> snapshotMode() {
    return checked("exact or none", text -> SnapshotMode.parse(text), mode -> mode.settingValue());
  }

  static Rule<List<String>> collectionGlobs() {
    String description =
        "collection id globs separated by ',' or ';' (* any characters, ? one character,"
            + " no '/'), or nothing";
    return checked(description, Rules::parseGlobs, globs -> String.join(",", globs));
  }

  /**
   * A rule whose parser rejects text by throwing any of the usual parsing exceptions; the rule
   * turns them into one message naming the setting, the text and {@code description}.
   */
  private static <T> Rule<T> checked(
      String description, Function<String, T> parser, Function<T, String> formatter) {
    return new Rule<>() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public T parse(String setting, String text) {
        try {
          return parser.apply(text.strip());
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
          throw new IllegalArgumentException(
              setting + " must be " + description + ", got '" + text + "'", e);
        }
      }

      @Override
      public String format(T value) {
        return formatter.apply(value);
      }
    };
  }

  private static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("not a boolean");
  }

  private static long parseWholeNumber(String text, long min, long max) {
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("not a whole number");
    }
    return inRange(Long.parseLong(text), min, max);
  }

  private static Duration parseDuration(String text, Duration min, Duration max) {
    Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    Duration value =
        text.equals("0")
            ? Duration.ZERO
            : matcher.matches()
                ? Duration.of(Long.parseLong(matcher.group(1)), durationUnit(matcher.group(2)))
                : Duration.parse(text);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }

  private static ChronoUnit durationUnit(String unit) {
    return switch (unit) {
      case "ms" -> ChronoUnit.MILLIS;
      case "s" -> ChronoUnit.SECONDS;
      case "m" -> ChronoUnit.MINUTES;
      default -> ChronoUnit.HOURS;
    };
  }

  private static long parseSize(String text, long min, long max) {
    Matcher matcher = SIZE.matcher(text.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a size");
    }
    long number = Long.parseLong(matcher.group(1));
    return inRange(Math.multiplyExact(number, sizeUnit(matcher.group(2))), min, max);
  }

  private static long sizeUnit(String unit) {
    if (unit == null || unit.equals("b")) {
      return 1;
    }
    return switch (unit.charAt(0)) {
      case 'k' -> KB;
      case 'm' -> MB;
      default -> GB;
    };
  }

  private static String parseName(String text, int maxLength) {
    if (text.isEmpty() || text.length() > maxLength || !NAME_CHARACTERS.matcher(text).matches()) {
      throw new IllegalArgumentException("not a name");
    }
    return text;
  }

  private static List<String> parseNameList(String text, int maxLength) {
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split(",", -1))
        .map(String::strip)
        .map(name -> parseName(name, maxLength))
        .toList();
  }

  private static Path parsePath(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    return Path.of(text);
  }

  private static String parseCollectionId(String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    boolean valid =
        bytes >= 1
            && bytes <= MAX_COLLECTION_ID_BYTES
            && text.indexOf('/') < 0
            && !text.equals(".")
            && !text.equals("..")
            && !RESERVED_COLLECTION_ID.matcher(text).matches();
    if (!valid) {
      throw new IllegalArgumentException("not a collection id");
    }
    return text;
  }

  private static String parseHostAddress(String text) {
    String host =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (host.indexOf(':') >= 0) {
      return parseIpv6(host);
    }
    if (IPV4.matcher(host).matches()) {
      return parseIpv4(host);
    }
    if (host.length() > MAX_HOST_NAME_LENGTH || !HOST_NAME.matcher(host).matches()) {
      throw new IllegalArgumentException("not a host name");
    }
    return host;
  }

  private static String parseIpv6(String host) {
    if (!IPV6.matcher(host).matches()) {
      throw new IllegalArgumentException("not an IPv6 address");
    }
    try {
      // In brackets, InetAddress only parses the literal and never asks DNS.
      InetAddress.getByName("[" + host + "]");
      return host;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv6 address", e);
    }
  }

  private static String parseIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address");
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
        throw new IllegalArgumentException("not an IPv4 address");
      }
    }
    return host;
  }

  private static List<String> parseGlobs(String text) {
    List<String> globs = new ArrayList<>();
    for (String part : text.split("[,;]")) {
      String glob = part.strip();
      if (glob.indexOf('/') >= 0) {
        throw new IllegalArgumentException("a glob with '/'");
      }
      if (!glob.isEmpty()) {
        globs.add(glob);
      }
    }
    return List.copyOf(globs);
  }

  private static long inRange(long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }

  static String formatDuration(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.toNanosPart() % 1_000_000 != 0 || duration.isNegative()) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  static String formatSize(long bytes) {
    if (bytes != 0 && bytes % GB == 0) {
      return bytes / GB + "GB";
    }
    if (bytes != 0 && bytes % MB == 0) {
      return bytes / MB + "MB";
    }
    return bytes != 0 && bytes % KB == 0 ? bytes / KB + "KB" : bytes + "B";
  }
}
