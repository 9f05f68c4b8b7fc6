package dev.firetap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM running a main class of the test class path, with its output in a file, for
 * tests of what survives a process exit or a {@code kill -9}.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code mainClass} with {@code jvmOptions} (e.g. {@code -Dfiretap.service=x}) and {@code
   * args}, on the class path of this JVM; its output goes to {@code output}.
   */
  public static ChildJvm start(
      Class<?> mainClass, List<String> jvmOptions, List<String> args, Path output)
      throws IOException {
    return start(mainClass, jvmOptions, System.getProperty("java.class.path"), args, output);
  }

  /** Like {@link #start(Class, List, List, Path)}, on the class path {@code classPath}. */
  public static ChildJvm start(
      Class<?> mainClass, List<String> jvmOptions, String classPath, List<String> args, Path output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass.getName());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new ChildJvm(process, output);
  }

  /** Waits until a line of the output matches, or fails with the output after {@code timeout}. */
  public String awaitLine(Predicate<String> matches, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
        if (matches.test(line)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        break;
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("the child JVM printed no matching line; its output:\n" + output());
  }

  /** Waits for the process to exit and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the child JVM did not exit within " + timeout + "; its output:\n" + output());
    }
    return process.exitValue();
  }

  /** Kills the process with SIGKILL, as {@code kill -9} does, and waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Asks the process to stop with SIGTERM, as {@code kill} does; its shutdown hooks run. */
  public void terminate() {
    process.destroy();
  }

  /** Everything the process printed so far. */
  public String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
