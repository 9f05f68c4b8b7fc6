package dev.firetap.cli;

import dev.firetap.config.FiretapConfig;
import dev.firetap.config.FiretapConfigException;
import dev.firetap.console.ConsoleOptions;
import dev.firetap.console.ConsoleStartException;
import dev.firetap.console.FiretapConsole;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventFormatException;
import dev.firetap.handler.DeadLetter;
import dev.firetap.handler.HandlerAdmin;
import dev.firetap.handler.HandlerLag;
import dev.firetap.log.LogStats;
import dev.firetap.log.internal.StatsReader;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.MergedTail;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import dev.firetap.worker.WorkerMain;
import io.lettuce.core.RedisException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The Firetap command line: {@code tail}, {@code stats}, {@code groups}, {@code dlq} and {@code
 * console} (see {@link CliArguments#parse}), and {@code worker}, which it hands to {@link
 * WorkerMain}. Settings come from {@link FiretapConfig#load()}, so {@code
 * FIRETAP_REDIS_URL=redis://host:6380 firetap stats} reads that Redis.
 *
 * <p>Exit codes: 0 on success, 2 for bad arguments or settings, 1 when Redis fails.
 */
public final class FiretapCli {
  private final FiretapConfig config;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  /**
   * Creates a command line that prints results to {@code out} and problems to {@code err}.
   *
   * @param clock gives today's date for {@code stats}
   */
  public FiretapCli(FiretapConfig config, PrintStream out, PrintStream err, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs one command and exits with its code; see the class description. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("worker")) {
      WorkerMain.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    FiretapConfig config;
    try {
      config = FiretapConfig.load();
    } catch (FiretapConfigException e) {
      System.err.println("firetap: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new FiretapCli(config, System.out, System.err, Clock.systemUTC()).run(args));
  }

  /**
   * Runs one command; a tail without {@code --count} runs until the thread is interrupted.
   *
   * @return the exit code: 0 on success, 2 for bad arguments, 1 when Redis fails
   */
  public int run(String... args) {
    Objects.requireNonNull(args, "args");
    try {
      execute(CliArguments.parse(args));
      return 0;
    } catch (CliUsageException e) {
      err.println("firetap: " + e.getMessage());
      err.println(e.usage());
      return 2;
    } catch (RedisException e) {
      err.println("firetap: Redis at " + config.redis() + " failed: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
    }
  }

  private void execute(CliCommand command) {
    if (command instanceof CliCommand.TailChanges tail) {
      tailChanges(tail);
    } else if (command instanceof CliCommand.TailLogs tail) {
      tailLogs(tail);
    } else if (command instanceof CliCommand.Stats stats) {
      stats(stats);
    } else if (command instanceof CliCommand.Groups) {
      groups();
    } else if (command instanceof CliCommand.DeadLetterList list) {
      listDeadLetters(list.handlerId());
    } else if (command instanceof CliCommand.DeadLetterReplay replay) {
      replay(replay);
    } else if (command instanceof CliCommand.Console console) {
      console(console);
    }
  }

  private void tailChanges(CliCommand.TailChanges tail) {
    List<String> streams = config.streamKeys().changeStreams(tail.collection());
    tail(streams, tail.options(), json -> EventLines.change(EventCodec.decodeChange(json)));
  }

  private void tailLogs(CliCommand.TailLogs tail) {
    String stream = config.streamKeys().logStream(tail.level());
    tail(List.of(stream), tail.options(), json -> EventLines.log(EventCodec.decodeLog(json)));
  }

  /** Prints the entries of {@code streams} merged in the order Redis added them. */
  private void tail(
      List<String> streams, CliCommand.TailOptions options, Function<byte[], String> line) {
    try (RedisConnector connector =
            new RedisConnector(config.redis(), config.redisTimeout(), MergedTail.BLOCK);
        MergedTail tail = new MergedTail(connector, streams)) {
      tail.start(options.fromStart());
      err.println(
          "firetap: tailing "
              + String.join(", ", streams)
              + (options.fromStart() ? " from the oldest entry" : " from now")
              + (options.count() == 0 ? "; Ctrl-C stops" : "; stopping after " + options.count()));
      tail.follow(options.count(), entry -> print(entry, options.json(), line));
    }
  }

  private void print(MergedTail.Entry entry, boolean json, Function<byte[], String> line) {
    if (json) {
      out.println(new String(entry.event(), StandardCharsets.UTF_8));
    } else {
      try {
        out.println(line.apply(entry.event()));
      } catch (EventFormatException e) {
        out.println(entry.id() + "  not an event: " + e.getMessage());
      }
    }
    out.flush();
  }

  private void stats(CliCommand.Stats stats) {
    LocalDate last =
        stats.lastDate() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : stats.lastDate();
    StreamKeys keys = config.streamKeys();
    Table table = new Table("date", "debug", "info", "warn", "error", "total");
    try (RedisConnector connector = new RedisConnector(config.redis(), config.redisTimeout());
        LazyConnection redis = new LazyConnection(connector)) {
      for (LocalDate day = last.minusDays(stats.days() - 1L);
          !day.isAfter(last);
          day = day.plusDays(1)) {
        LogStats counts = StatsReader.read(redis.commands(), keys, day);
        table.row(
            day, counts.debug(), counts.info(), counts.warn(), counts.error(), counts.total());
      }
    }
    table.print(out);
  }

  private void groups() {
    List<HandlerLag> lags;
    try (HandlerAdmin admin = HandlerAdmin.connect(config)) {
      lags = admin.lagOfAllGroups();
    }
    if (lags.isEmpty()) {
      out.println(
          "no consumer groups on " + config.prefix() + ":cdc:* or " + config.prefix() + ":logs:*");
      return;
    }
    Table table = new Table("stream", "group", "pending", "behind", "oldest pending", "lost");
    for (HandlerLag lag : lags) {
      table.row(
          lag.stream(),
          lag.handlerId(),
          lag.pending(),
          lag.behind() < 0 ? "unknown" : lag.behind(),
          lag.pending() == 0 ? "-" : age(lag.oldestPendingAge()),
          lag.lost());
    }
    table.print(out);
  }

  private void listDeadLetters(String handlerId) {
    List<DeadLetter> letters;
    try (HandlerAdmin admin = HandlerAdmin.connect(config)) {
      letters = admin.deadLetters(handlerId);
    }
    if (letters.isEmpty()) {
      out.println("no dead letters for handler " + handlerId);
      return;
    }
    Table table = new Table("id", "failed at", "attempts", "from", "error");
    for (DeadLetter letter : letters) {
      table.row(
          letter.id(),
          letter.failedAt(),
          letter.attempts(),
          letter.stream() + " " + letter.entryId(),
          letter.error());
    }
    table.print(out);
  }

  private void replay(CliCommand.DeadLetterReplay replay) {
    String handlerId = replay.handlerId();
    try (HandlerAdmin admin = HandlerAdmin.connect(config)) {
      List<DeadLetter> letters = admin.deadLetters(handlerId);
      Set<String> known = new HashSet<>();
      letters.forEach(letter -> known.add(letter.id()));
      Set<String> wanted = replay.all() ? known : new HashSet<>(replay.entryIds());
      int moved =
          replay.all() ? admin.replayAll(handlerId) : admin.replay(handlerId, replay.entryIds());
      out.println("replayed " + moved + " dead letters of " + handlerId);
      reportTrimmed(letters, wanted);
      List<String> unknown = replay.entryIds().stream().filter(id -> !known.contains(id)).toList();
      if (!unknown.isEmpty()) {
        out.println("not dead letters of " + handlerId + ", skipped: " + String.join(" ", unknown));
      }
    }
  }

  /** Letters of trimmed entries stay where they are: replay has no event to add back. */
  private void reportTrimmed(List<DeadLetter> letters, Set<String> wanted) {
    for (DeadLetter letter : letters) {
      if (letter.trimmed() && wanted.contains(letter.id())) {
        out.println(
            "nothing to replay for "
                + letter.id()
                + ": entry "
                + letter.entryId()
                + " was trimmed from "
                + letter.stream()
                + " before the handler handled it");
      }
    }
  }

  /**
   * Serves the console and prints its address with the token, the only line on {@code out}, until
   * the thread is interrupted.
   */
  private void console(CliCommand.Console command) {
    FiretapConfig settings = consoleSettings(command);
    try (FiretapConsole console = FiretapConsole.start(settings, ConsoleOptions.from(settings))) {
      out.println("firetap console: " + console.loginUrl());
      out.flush();
      console.awaitClose();
    } catch (ConsoleStartException e) {
      throw new CliUsageException(e.getMessage(), CliArguments.CONSOLE_USAGE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The settings with the console options applied; every bad option is reported at once. */
  private FiretapConfig consoleSettings(CliCommand.Console command) {
    FiretapConfig settings = config;
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> setting : command.settings().entrySet()) {
      try {
        settings = settings.with(setting.getKey(), setting.getValue());
      } catch (FiretapConfigException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new CliUsageException(String.join("\n", problems), CliArguments.CONSOLE_USAGE);
    }
    return settings;
  }

  /** A duration as 850ms, 12.3s, 4m05s or 2h07m. */
  static String age(Duration age) {
    long millis = age.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    if (millis < 3_600_000) {
      return String.format(Locale.ROOT, "%dm%02ds", age.toMinutes(), age.toSecondsPart());
    }
    return String.format(Locale.ROOT, "%dh%02dm", age.toHours(), age.toMinutesPart());
  }
}
