package dev.firetap.cli;

import dev.firetap.event.Level;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One command of the Firetap command line, parsed by {@link CliArguments}. */
public sealed interface CliCommand {
  /**
   * {@code tail changes <collection>}: prints the change events of one collection as they arrive.
   *
   * @param collection the collection id
   * @param options where to start, how to print and when to stop
   */
  record TailChanges(String collection, TailOptions options) implements CliCommand {
    /** Rejects nulls. */
    public TailChanges {
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(options, "options");
    }
  }

  /**
   * {@code tail logs <level>}: prints the log events of one level as they arrive.
   *
   * @param level the level whose stream is read
   * @param options where to start, how to print and when to stop
   */
  record TailLogs(Level level, TailOptions options) implements CliCommand {
    /** Rejects nulls. */
    public TailLogs {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(options, "options");
    }
  }

  /**
   * The options of both tail commands.
   *
   * @param fromStart start at the oldest entry of the stream instead of after the newest
   * @param json print each event's JSON as stored instead of one summary line
   * @param count stop after this many events; 0 means run until interrupted
   */
  record TailOptions(boolean fromStart, boolean json, long count) {}

  /**
   * {@code stats [yyyy-MM-dd]} or {@code stats --days N}: per-level log counts per UTC day.
   *
   * @param lastDate the last day shown; null means today (UTC)
   * @param days how many days up to and including {@code lastDate}
   */
  record Stats(LocalDate lastDate, int days) implements CliCommand {}

  /** {@code groups}: the lag of every consumer group on every Firetap stream. */
  record Groups() implements CliCommand {}

  /**
   * {@code dlq list <handlerId>}: the dead letters of one handler.
   *
   * @param handlerId the handler
   */
  record DeadLetterList(String handlerId) implements CliCommand {
    /** Rejects nulls. */
    public DeadLetterList {
      Objects.requireNonNull(handlerId, "handlerId");
    }
  }

  /**
   * {@code dlq replay <handlerId> (--all | <entryId>...)}: moves dead letters back to their
   * streams.
   *
   * @param handlerId the handler
   * @param all replay every dead letter of the handler
   * @param entryIds the dead letters to replay when {@code all} is false
   */
  record DeadLetterReplay(String handlerId, boolean all, List<String> entryIds)
      implements CliCommand {
    /** Rejects nulls and copies the ids. */
    public DeadLetterReplay {
      Objects.requireNonNull(handlerId, "handlerId");
      entryIds = List.copyOf(entryIds);
    }
  }

  /**
   * {@code console [--port N] [--bind ADDR] [--token T]}: serves the web console until the process
   * is stopped.
   *
   * @param settings the {@code firetap.console.*} settings the options give, by full name
   */
  record Console(Map<String, String> settings) implements CliCommand {
    /** Copies the settings, keeping their order. */
    public Console {
      settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
  }
}
