package dev.firetap.worker;

import dev.firetap.handler.HandlerOptions;
import dev.firetap.handler.StartFrom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@link WorkerMain}: {@code --handlers <package>} and {@code --class <fqcn>}
 * (each repeatable, at least one in all) and {@code --set <option>=<value>} for the handler
 * options, e.g. {@code --set threads=4 --set claimIdle=10s --set startFrom=beginning}.
 *
 * @param packages packages scanned for handler classes
 * @param classes handler classes named one by one
 * @param options the options of every handler of the worker
 */
public record WorkerArguments(List<String> packages, List<String> classes, HandlerOptions options) {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  /** Copies the lists. */
  public WorkerArguments {
    packages = List.copyOf(packages);
    classes = List.copyOf(classes);
    Objects.requireNonNull(options, "options");
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the argument, the value found and what is allowed
   */
  public static WorkerArguments parse(String... args) {
    Objects.requireNonNull(args, "args");
    List<String> packages = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    HandlerOptions options = HandlerOptions.defaults();
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("worker argument " + flag + " needs a value");
      }
      String value = args[i + 1];
      switch (flag) {
        case "--handlers" -> packages.add(value);
        case "--class" -> classes.add(value);
        case "--set" -> options = set(options, value);
        default ->
            throw new IllegalArgumentException(
                "worker argument must be --handlers <package>, --class <class name> or --set"
                    + " <option>=<value>, got '"
                    + flag
                    + "'");
      }
    }
    if (packages.isEmpty() && classes.isEmpty()) {
      throw new IllegalArgumentException(
          "worker needs --handlers <package> or --class <class name>, got neither");
    }
    return new WorkerArguments(packages, classes, options);
  }

  private static HandlerOptions set(HandlerOptions options, String assignment) {
    int equals = assignment.indexOf('=');
    if (equals < 1) {
      throw new IllegalArgumentException(
          "worker argument --set must be <option>=<value>, got '" + assignment + "'");
    }
    String name = assignment.substring(0, equals);
    String value = assignment.substring(equals + 1);
    return switch (name) {
      case "maxAttempts" -> options.withMaxAttempts(number(name, value));
      case "batchSize" -> options.withBatchSize(number(name, value));
      case "threads" -> options.withThreads(number(name, value));
      case "initialBackoff" -> options.withInitialBackoff(duration(name, value));
      case "maxBackoff" -> options.withMaxBackoff(duration(name, value));
      case "block" -> options.withBlock(duration(name, value));
      case "claimIdle" -> options.withClaimIdle(duration(name, value));
      case "dedupeRetention" -> options.withDedupeRetention(duration(name, value));
      case "startFrom" -> options.withStartFrom(startFrom(value));
      default ->
          throw new IllegalArgumentException(
              "worker argument --set names no handler option: '"
                  + name
                  + "'; options are maxAttempts, initialBackoff, maxBackoff, batchSize, block,"
                  + " threads, claimIdle, startFrom, dedupeRetention");
    };
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "handler option " + name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static Duration duration(String name, String value) {
    Matcher matcher = DURATION.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "handler option "
              + name
              + " must be a duration such as 500ms, 30s, 5m, 24h or 7d, got '"
              + value
              + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static StartFrom startFrom(String value) {
    switch (value) {
      case "now":
        return StartFrom.now();
      case "beginning":
        return StartFrom.beginning();
      default:
        try {
          return StartFrom.at(Instant.parse(value));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "handler option startFrom must be now, beginning or an RFC 3339 time such as"
                  + " 2025-01-01T00:00:00Z, got '"
                  + value
                  + "'",
              e);
        }
    }
  }
}
