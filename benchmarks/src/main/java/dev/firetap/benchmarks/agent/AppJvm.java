package dev.firetap.benchmarks.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM of the agent benchmark that the benchmark talks to: command lines on its standard
 * input, answer lines on its standard output. Standard error (where the agent writes) goes to a
 * file.
 */
final class AppJvm implements AutoCloseable {
  private static final int KEPT_LINES = 40;
  private static final String END = "\u0000end";

  private final String name;
  private final Process process;
  private final Path errors;
  private final Writer input;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Deque<String> recent = new ArrayDeque<>();

  private AppJvm(String name, Process process, Path errors) {
    this.name = name;
    this.process = process;
    this.errors = errors;
    this.input = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "bench-" + name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command}; {@code name} names it in messages, its standard error goes to a file.
   */
  static AppJvm start(String name, AppCommand command) throws IOException {
    Path errors = Files.createTempFile("firetap-bench-" + name + "-", ".err");
    Process process = new ProcessBuilder(command.line()).redirectError(errors.toFile()).start();
    return new AppJvm(name, process, errors);
  }

  private void readOutput() {
    try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("output unreadable: " + e);
    }
    lines.add(END);
  }

  /** Waits for a line that {@code matches} and returns it. */
  String awaitLine(Predicate<String> matches, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = next(deadline);
      if (matches.test(line)) {
        return line;
      }
    }
  }

  /**
   * Sends {@code command} and returns the text after {@code ok } of the answer.
   *
   * @throws IllegalStateException when the application answers {@code error}, exits or does not
   *     answer in time; the message holds what it printed
   */
  String ask(String command, Duration timeout) throws IOException {
    input.write(command + "\n");
    input.flush();
    String answer = awaitLine(line -> line.startsWith("ok") || line.startsWith("error"), timeout);
    if (answer.startsWith("error")) {
      throw failure("answered '" + answer + "' to '" + command + "'");
    }
    return answer.substring(2).strip();
  }

  private String next(long deadline) {
    try {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw failure("printed nothing expected in time");
      }
      if (line.equals(END)) {
        lines.add(END);
        throw failure("exited");
      }
      remember(line);
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("was not waited for: interrupted");
    }
  }

  private void remember(String line) {
    recent.addLast(line);
    if (recent.size() > KEPT_LINES) {
      recent.removeFirst();
    }
  }

  private IllegalStateException failure(String problem) {
    return new IllegalStateException(
        "the %s application %s; its last output lines:%n%s%nits standard error:%n%s"
            .formatted(name, problem, String.join("\n", recent), errorsTail()));
  }

  private String errorsTail() {
    try {
      String text = Files.readString(errors, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Waits up to {@code timeout} for the process to exit, then kills it. */
  void awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Tells the application to quit, and kills it if it has not within 10 s. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      try {
        input.write("quit\n");
        input.flush();
      } catch (IOException alreadyGone) {
        // It exited on its own; nothing to tell it.
      }
    }
    awaitExit(Duration.ofSeconds(10));
    Files.deleteIfExists(errors);
  }
}
