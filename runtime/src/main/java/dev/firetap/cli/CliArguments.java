package dev.firetap.cli;

import dev.firetap.event.Level;
import dev.firetap.handler.internal.HandlerIds;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Parses the arguments of the Firetap command line into a {@link CliCommand}. */
public final class CliArguments {
  static final String TAIL_USAGE =
      "usage: tail changes <collection> | tail logs <level> [--from-start] [--json] [--count N]";
  static final String STATS_USAGE = "usage: stats [yyyy-MM-dd] | stats --days N (N from 1 to 366)";
  static final String GROUPS_USAGE = "usage: groups";
  static final String DLQ_USAGE =
      "usage: dlq list <handlerId> | dlq replay <handlerId> (--all | <entryId>...)";
  static final String CONSOLE_USAGE = "usage: console [--port N] [--bind ADDR] [--token T]";
  static final String USAGE =
      String.join(
          "\n",
          "usage: firetap <command>, where <command> is one of",
          "  tail changes <collection> [--from-start] [--json] [--count N]",
          "  tail logs <level> [--from-start] [--json] [--count N]",
          "  stats [yyyy-MM-dd] | stats --days N",
          "  groups",
          "  dlq list <handlerId>",
          "  dlq replay <handlerId> (--all | <entryId>...)",
          "  console [--port N] [--bind ADDR] [--token T]",
          "  worker (--handlers <package> | --class <class name>)... [--set <option>=<value>]...");

  private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");
  private static final int MAX_DAYS = 366;
  private static final Map<String, String> CONSOLE_OPTIONS =
      Map.of(
          "--port", "firetap.console.port",
          "--bind", "firetap.console.bind",
          "--token", "firetap.console.token");

  private CliArguments() {}

  /**
   * Parses the arguments of one command.
   *
   * @throws CliUsageException naming the argument that is wrong, what was found and the usage
   */
  public static CliCommand parse(String... args) {
    Objects.requireNonNull(args, "args");
    if (args.length == 0) {
      throw new CliUsageException("no command given", USAGE);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    return switch (args[0]) {
      case "tail" -> tail(rest);
      case "stats" -> stats(rest);
      case "groups" -> groups(rest);
      case "dlq" -> deadLetters(rest);
      case "console" -> console(rest);
      default -> throw new CliUsageException("unknown command '" + args[0] + "'", USAGE);
    };
  }

  private static CliCommand tail(List<String> args) {
    if (args.size() < 2) {
      throw new CliUsageException("tail needs changes <collection> or logs <level>", TAIL_USAGE);
    }
    TailOptionsParser options = new TailOptionsParser();
    for (String option : remaining(args, 2, TAIL_USAGE)) {
      options.accept(option);
    }
    return switch (args.get(0)) {
      case "changes" -> new CliCommand.TailChanges(collection(args.get(1)), options.parsed());
      case "logs" -> new CliCommand.TailLogs(level(args.get(1)), options.parsed());
      default ->
          throw new CliUsageException(
              "tail reads changes or logs, got '" + args.get(0) + "'", TAIL_USAGE);
    };
  }

  /** The arguments from {@code from} on, with {@code --count N} joined as {@code --count=N}. */
  private static List<String> remaining(List<String> args, int from, String usage) {
    List<String> options = new ArrayList<>();
    for (int i = from; i < args.size(); i++) {
      String option = args.get(i);
      if (option.equals("--count")) {
        if (i + 1 >= args.size()) {
          throw new CliUsageException("--count needs a number of events", usage);
        }
        option = "--count=" + args.get(++i);
      }
      options.add(option);
    }
    return options;
  }

  private static String collection(String collection) {
    if (collection.isBlank() || collection.contains("/") || collection.startsWith("-")) {
      throw new CliUsageException(
          "collection must be a collection id (not blank, no '/'), got '" + collection + "'",
          TAIL_USAGE);
    }
    return collection;
  }

  private static Level level(String level) {
    try {
      return Level.parse(level);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage(), TAIL_USAGE);
    }
  }

  private static CliCommand stats(List<String> args) {
    if (args.isEmpty()) {
      return new CliCommand.Stats(null, 1);
    }
    if (args.size() == 1 && !args.get(0).startsWith("-")) {
      return new CliCommand.Stats(date(args.get(0)), 1);
    }
    if (args.size() == 2 && args.get(0).equals("--days")) {
      return new CliCommand.Stats(null, days(args.get(1)));
    }
    throw new CliUsageException("stats takes a date or --days N, got " + args, STATS_USAGE);
  }

  private static LocalDate date(String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new CliUsageException(
          "stats date must be a date such as 2025-01-31 (yyyy-MM-dd), got '" + date + "'",
          STATS_USAGE);
    }
  }

  private static int days(String days) {
    int parsed = number("--days", days, STATS_USAGE);
    if (parsed < 1 || parsed > MAX_DAYS) {
      throw new CliUsageException(
          "--days must be from 1 to " + MAX_DAYS + ", got " + parsed, STATS_USAGE);
    }
    return parsed;
  }

  private static CliCommand groups(List<String> args) {
    if (!args.isEmpty()) {
      throw new CliUsageException("groups takes no arguments, got " + args, GROUPS_USAGE);
    }
    return new CliCommand.Groups();
  }

  private static CliCommand deadLetters(List<String> args) {
    if (args.size() < 2) {
      throw new CliUsageException(
          "dlq needs list <handlerId> or replay <handlerId>, got " + args, DLQ_USAGE);
    }
    String handlerId = handlerId(args.get(1));
    List<String> rest = args.subList(2, args.size());
    return switch (args.get(0)) {
      case "list" -> list(handlerId, rest);
      case "replay" -> replay(handlerId, rest);
      default ->
          throw new CliUsageException(
              "dlq command must be list or replay, got '" + args.get(0) + "'", DLQ_USAGE);
    };
  }

  private static CliCommand list(String handlerId, List<String> rest) {
    if (!rest.isEmpty()) {
      throw new CliUsageException("dlq list takes only a handler id, got also " + rest, DLQ_USAGE);
    }
    return new CliCommand.DeadLetterList(handlerId);
  }

  private static CliCommand replay(String handlerId, List<String> rest) {
    if (rest.equals(List.of("--all"))) {
      return new CliCommand.DeadLetterReplay(handlerId, true, List.of());
    }
    if (rest.isEmpty()) {
      throw new CliUsageException(
          "dlq replay needs --all or the ids of the dead letters to replay", DLQ_USAGE);
    }
    for (String id : rest) {
      if (!ENTRY_ID.matcher(id).matches()) {
        throw new CliUsageException(
            "dlq replay takes --all alone or entry ids such as 1700000000000-0, got '" + id + "'",
            DLQ_USAGE);
      }
    }
    return new CliCommand.DeadLetterReplay(handlerId, false, rest);
  }

  /**
   * Each option names a setting; its value is checked with the setting, when the console starts.
   */
  private static CliCommand console(List<String> args) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String option = args.get(i);
      String setting = CONSOLE_OPTIONS.get(option);
      if (setting == null) {
        throw new CliUsageException(
            "console option must be --port, --bind or --token, got '" + option + "'",
            CONSOLE_USAGE);
      }
      if (i + 1 >= args.size()) {
        throw new CliUsageException(option + " needs a value", CONSOLE_USAGE);
      }
      settings.put(setting, args.get(i + 1));
    }
    return new CliCommand.Console(settings);
  }

  private static String handlerId(String handlerId) {
    try {
      return HandlerIds.check(handlerId);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage(), DLQ_USAGE);
    }
  }

  static int number(String option, String value, String usage) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new CliUsageException(option + " must be a whole number, got '" + value + "'", usage);
    }
  }

  /** Collects {@code --from-start}, {@code --json} and {@code --count=N}. */
  private static final class TailOptionsParser {
    private boolean fromStart;
    private boolean json;
    private long count;

    void accept(String option) {
      if (option.equals("--from-start")) {
        fromStart = true;
      } else if (option.equals("--json")) {
        json = true;
      } else if (option.startsWith("--count=")) {
        count = number("--count", option.substring("--count=".length()), TAIL_USAGE);
        if (count < 1) {
          throw new CliUsageException("--count must be at least 1, got " + count, TAIL_USAGE);
        }
      } else {
        throw new CliUsageException(
            "tail option must be --from-start, --json or --count N, got '" + option + "'",
            TAIL_USAGE);
      }
    }

    CliCommand.TailOptions parsed() {
      return new CliCommand.TailOptions(fromStart, json, count);
    }
  }
}
