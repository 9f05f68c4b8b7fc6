package dev.firetap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliArgumentsTest {
  @Test
  void parsesTailChangesWithEveryOption() {
    CliCommand command =
        CliArguments.parse("tail", "changes", "orders", "--from-start", "--json", "--count", "5");

    assertThat(command)
        .isEqualTo(new CliCommand.TailChanges("orders", new CliCommand.TailOptions(true, true, 5)));
  }

  @Test
  void tailsFromNowWithoutLimitByDefault() {
    CliCommand command = CliArguments.parse("tail", "logs", "WARNING");

    assertThat(command)
        .isEqualTo(
            new CliCommand.TailLogs(Level.WARN, new CliCommand.TailOptions(false, false, 0)));
  }

  @Test
  void statsWithoutArgumentsMeansTodayOnly() {
    assertThat(CliArguments.parse("stats")).isEqualTo(new CliCommand.Stats(null, 1));
  }

  @Test
  void statsTakesADateOrANumberOfDays() {
    CliCommand date = CliArguments.parse("stats", "2025-01-31");
    CliCommand days = CliArguments.parse("stats", "--days", "14");

    assertThat(date).isEqualTo(new CliCommand.Stats(LocalDate.of(2025, 1, 31), 1));
    assertThat(days).isEqualTo(new CliCommand.Stats(null, 14));
  }

  @Test
  void parsesGroupsAndDeadLetterCommands() {
    assertThat(CliArguments.parse("groups")).isEqualTo(new CliCommand.Groups());
    assertThat(CliArguments.parse("dlq", "list", "order-emails"))
        .isEqualTo(new CliCommand.DeadLetterList("order-emails"));
    assertThat(CliArguments.parse("dlq", "replay", "order-emails", "--all"))
        .isEqualTo(new CliCommand.DeadLetterReplay("order-emails", true, List.of()));
    assertThat(CliArguments.parse("dlq", "replay", "order-emails", "1-0", "17-3"))
        .isEqualTo(new CliCommand.DeadLetterReplay("order-emails", false, List.of("1-0", "17-3")));
  }

  @Test
  void consoleOptionsNameTheirSettings() {
    CliCommand bare = CliArguments.parse("console");
    CliCommand all =
        CliArguments.parse("console", "--port", "9000", "--bind", "::1", "--token", "t0ken-t0ken");

    assertThat(bare).isEqualTo(new CliCommand.Console(Map.of()));
    assertThat(all)
        .isEqualTo(
            new CliCommand.Console(
                Map.of(
                    "firetap.console.port", "9000",
                    "firetap.console.bind", "::1",
                    "firetap.console.token", "t0ken-t0ken")));
  }

  @Test
  void consoleWithBadOptionsExitsWithCodeTwoNamingEverySetting() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = run(err, "console", "--port", "70000", "--bind", "local host");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "firetap: firetap.console.port must be a whole number from 0 to 65535, got '70000'",
            "firetap.console.bind must be an IP address or a host name, such as 127.0.0.1, ::1,"
                + " 0.0.0.0 or localhost, got 'local host'",
            CliArguments.CONSOLE_USAGE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "frobnicate|unknown command 'frobnicate'",
        "tail|tail needs changes <collection> or logs <level>",
        "tail metrics x|tail reads changes or logs, got 'metrics'",
        "tail changes users/u1|collection must be a collection id (not blank, no '/'),"
            + " got 'users/u1'",
        "tail logs loud|level must be one of debug, info, warn (or warning), error",
        "tail changes orders --count|--count needs a number of events",
        "tail changes orders --count ten|--count must be a whole number, got 'ten'",
        "tail changes orders --count 0|--count must be at least 1, got 0",
        "tail changes orders --follow|tail option must be --from-start, --json or --count N,"
            + " got '--follow'",
        "stats 31.01.2025|stats date must be a date such as 2025-01-31 (yyyy-MM-dd), got"
            + " '31.01.2025'",
        "stats 2025-02-30|got '2025-02-30'",
        "stats --days 0|--days must be from 1 to 366, got 0",
        "stats --days|stats takes a date or --days N, got [--days]",
        "groups now|groups takes no arguments, got [now]",
        "dlq list|dlq needs list <handlerId> or replay <handlerId>, got [list]",
        "dlq list bad/id|handler id must be 1 to 100 of the characters",
        "dlq purge h1|dlq command must be list or replay, got 'purge'",
        "dlq replay h1|dlq replay needs --all or the ids of the dead letters to replay",
        "dlq replay h1 --all 1-0|dlq replay takes --all alone or entry ids such as"
            + " 1700000000000-0, got '--all'",
        "console --host 0.0.0.0|console option must be --port, --bind or --token, got '--host'",
        "console --port|--port needs a value",
      })
  void rejectsBadInputNamingWhatWasWrong(String line, String message) {
    String[] args = line.split(" ");

    assertThatThrownBy(() -> CliArguments.parse(args))
        .isInstanceOf(CliUsageException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsAMissingCommandWithTheFullUsage() {
    assertThatThrownBy(() -> CliArguments.parse())
        .isInstanceOfSatisfying(
            CliUsageException.class,
            e -> assertThat(e.usage()).contains("tail changes <collection>", "dlq replay"));
  }

  @Test
  void badInputExitsWithCodeTwoAndPrintsTheMessageAndTheUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = run(err, "stats", "yesterday");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "firetap: stats date must be a date such as 2025-01-31 (yyyy-MM-dd), got 'yesterday'",
            CliArguments.STATS_USAGE);
  }

  /** Runs the command line with default settings, its errors going to {@code err}. */
  private static int run(ByteArrayOutputStream err, String... args) {
    FiretapCli cli =
        new FiretapCli(
            FiretapConfig.defaults(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    return cli.run(args);
  }
}
