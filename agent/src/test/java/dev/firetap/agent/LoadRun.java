package dev.firetap.agent;

import dev.firetap.testing.FirestoreEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One run of {@link LoadApp} with the agent: a steady rate of new documents written to the
 * emulator, and afterwards every write's due time, latency and result.
 */
final class LoadRun implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** One write of the run: when it was due, how long the application waited, and whether it won. */
  record Write(int index, long dueMillis, long latencyMicros, boolean committed) {
    String documentId() {
      return "d" + index;
    }
  }

  private final AgentJvm app;
  private final Path timings;

  private LoadRun(AgentJvm app, Path timings) {
    this.app = app;
    this.timings = timings;
  }

  /**
   * Starts the application with {@code agentArguments}; it writes {@code rate} documents a second
   * to {@code collection} for {@code seconds}, once it is ready.
   */
  static LoadRun start(
      String agentArguments,
      FirestoreEmulator emulator,
      String collection,
      int rate,
      int seconds,
      Path work)
      throws IOException, InterruptedException {
    return start(agentArguments, emulator, collection, rate, seconds, 0, "set", work);
  }

  /**
   * Like the above, with {@code padding} more characters in every document, and {@code operation}
   * {@code set} or {@code create} (which fails for a document that exists).
   */
  static LoadRun start(
      String agentArguments,
      FirestoreEmulator emulator,
      String collection,
      int rate,
      int seconds,
      int padding,
      String operation,
      Path work)
      throws IOException, InterruptedException {
    Path timings = work.resolve(collection + "-timings.csv");
    AgentJvm app =
        AgentJvm.startMain(
            LoadApp.class,
            agentArguments,
            work.resolve(collection + "-app.log"),
            emulator.hostAndPort(),
            collection,
            Integer.toString(rate),
            Integer.toString(seconds),
            Integer.toString(Math.max(32, rate / 5)),
            timings.toString(),
            Integer.toString(padding),
            operation);
    app.awaitLine("READY", START_TIMEOUT);
    return new LoadRun(app, timings);
  }

  /** Waits until every write has finished; fails with the application's output otherwise. */
  LoadRun awaitDone(Duration timeout) throws IOException, InterruptedException {
    app.awaitLine("DONE", timeout);
    return this;
  }

  AgentJvm app() {
    return app;
  }

  /** Every write, in index order; only after {@link #awaitDone}. */
  List<Write> writes() throws IOException {
    return Files.readAllLines(timings, StandardCharsets.UTF_8).stream()
        .map(line -> line.split(","))
        .map(f -> new Write(parse(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), ok(f[3])))
        .toList();
  }

  /** The ids of the documents whose write the application saw succeed. */
  Set<String> committed() throws IOException {
    return writes().stream()
        .filter(Write::committed)
        .map(Write::documentId)
        .collect(Collectors.toSet());
  }

  /** The {@code percentile}th latency in µs of the writes that match, 0 for none. */
  static long latency(List<Write> writes, Predicate<Write> which, double percentile) {
    List<Long> sorted =
        writes.stream()
            .filter(which)
            .map(Write::latencyMicros)
            .sorted(Comparator.naturalOrder())
            .toList();
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static int parse(String number) {
    return Integer.parseInt(number);
  }

  private static boolean ok(String result) {
    return result.equals("OK");
  }

  @Override
  public void close() {
    app.close();
  }
}
