package dev.firetap.benchmarks.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * JVM start to main: the time from spawning {@link StartupApp} until its first line ({@code main})
 * arrives on its standard output, with and without the agent, interleaved. Each process is waited
 * for until it exits before the next starts.
 */
final class StartupTime {
  private final AppCommand plain;
  private final AppCommand agent;

  StartupTime(AppCommand plain, AppCommand agent) {
    this.plain = plain;
    this.agent = agent;
  }

  /**
   * Starts each {@code warmUp} times untimed, then {@code count} times, alternating which goes
   * first.
   *
   * @return sorted nanoseconds: index 0 without the agent, index 1 with it
   */
  long[][] measure(int warmUp, int count) throws IOException, InterruptedException {
    for (int i = 0; i < warmUp; i++) {
      time(plain);
      time(agent);
    }
    long[] plainNanos = new long[count];
    long[] agentNanos = new long[count];
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        plainNanos[i] = time(plain);
        agentNanos[i] = time(agent);
      } else {
        agentNanos[i] = time(agent);
        plainNanos[i] = time(plain);
      }
    }
    Arrays.sort(plainNanos);
    Arrays.sort(agentNanos);
    return new long[][] {plainNanos, agentNanos};
  }

  /** Nanoseconds from spawning {@code command} to its line {@code main}. */
  static long time(AppCommand command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command.line()).redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.equals("main")) {
          long elapsed = System.nanoTime() - start;
          output.transferTo(Writer.nullWriter());
          awaitExit(process);
          return elapsed;
        }
      }
    }
    awaitExit(process);
    throw new IllegalStateException(
        "the application never printed 'main' (exit code "
            + process.exitValue()
            + "): "
            + String.join(" ", command.line()));
  }

  private static void awaitExit(Process process) throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
