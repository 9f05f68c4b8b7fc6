package dev.firetap.agent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM running {@link WritingApp} with {@code -javaagent:} the built agent jar, on a class
 * path of the application's own: the test classes and the Firestore client, without Firetap or any
 * library the agent bundles.
 */
final class AgentJvm implements AutoCloseable {
  /** Path fragments of class path entries the application must not have. */
  private static final List<String> NOT_OF_THE_APPLICATION =
      List.of(
          "/dev/firetap/",
          "/runtime/target/",
          "/agent/target/classes",
          "firetap-agent.jar",
          "/io/lettuce/",
          "/io/netty/",
          "/io/projectreactor/",
          "/org/reactivestreams/",
          "/com/fasterxml/jackson/",
          "/net/bytebuddy/",
          "/org/slf4j/",
          "/redis/clients/",
          "/org/junit/",
          "/org/assertj/",
          "/org/awaitility/");

  private final Process process;
  private final Path output;

  private AgentJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * The java launcher of the application: the JDK named by the system property {@code
   * firetap.it.javaHome} (the build sets it to run the suite again on another Java version), else
   * this JVM's.
   */
  static String applicationJava() {
    String javaHome = System.getProperty("firetap.it.javaHome", System.getProperty("java.home"));
    return Path.of(javaHome, "bin", "java").toString();
  }

  /**
   * Starts the application with the agent and {@code agentArguments} (null for none), writing to
   * the emulator at {@code emulatorHost} and running {@code scenarios}.
   */
  static AgentJvm start(
      String agentArguments, String emulatorHost, Path output, String... scenarios)
      throws IOException {
    List<String> arguments = new ArrayList<>(List.of(emulatorHost));
    arguments.addAll(Arrays.asList(scenarios));
    Process process =
        launch(WritingApp.class, agentArguments, "", output, arguments.toArray(new String[0]));
    return new AgentJvm(process, output);
  }

  /**
   * Starts {@code main} of the test classes with the agent and {@code agentArguments} (null for
   * none) on the application's class path, writing everything it prints to {@code output}.
   */
  static AgentJvm startMain(Class<?> main, String agentArguments, Path output, String... args)
      throws IOException {
    return new AgentJvm(launch(main, agentArguments, "", output, args), output);
  }

  /** As {@link #startMain}, with {@code classPath} alone as the class path. */
  static AgentJvm startOn(
      String classPath, Class<?> main, String agentArguments, Path output, String... args)
      throws IOException {
    return new AgentJvm(launchOn(classPath, main, agentArguments, output, args), output);
  }

  /**
   * Starts {@code main} of the test classes with the agent and {@code agentArguments} (null for
   * none) on the application's class path, preceded by {@code classPathPrefix} (may be empty),
   * writing everything it prints to {@code output}.
   */
  static Process launch(
      Class<?> main, String agentArguments, String classPathPrefix, Path output, String... args)
      throws IOException {
    String classPath =
        classPathPrefix.isEmpty()
            ? applicationClassPath()
            : classPathPrefix + File.pathSeparator + applicationClassPath();
    return launchOn(classPath, main, agentArguments, output, args);
  }

  /**
   * Starts {@code main} with the agent and {@code agentArguments} (null for none) on {@code
   * classPath} alone, writing everything it prints to {@code output}.
   */
  static Process launchOn(
      String classPath, Class<?> main, String agentArguments, Path output, String... args)
      throws IOException {
    String agent =
        "-javaagent:" + agentJar() + (agentArguments == null ? "" : "=" + agentArguments);
    List<String> command =
        new ArrayList<>(List.of(applicationJava(), "-Xmx256m", agent, "-cp", classPath));
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  static Path agentJar() {
    String jar = System.getProperty("agentJar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "system property agentJar must name the built agent jar (run with mvn verify), got '"
              + jar
              + "'");
    }
    return Path.of(jar);
  }

  static String applicationClassPath() {
    String otherClient = System.getProperty("firetap.it.firestoreClasspath");
    if (otherClient != null) {
      return testClasses() + File.pathSeparator + readClassPath(Path.of(otherClient));
    }
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> NOT_OF_THE_APPLICATION.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** This module's test classes: the applications, which need nothing but the Firestore client. */
  static String testClasses() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith("test-classes"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no test-classes folder on the class path"));
  }

  /** The class path the build wrote for another release of the client (system property above). */
  static String readClassPath(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "firetap.it.firestoreClasspath must name the class path file the build wrote, got '"
              + file
              + "'",
          e);
    }
  }

  /** Waits until the application printed {@code line}; fails with its output otherwise. */
  void awaitLine(String line, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (lines().contains(line)) {
        return;
      }
      if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
        break;
      }
    }
    throw new AssertionError(
        "the application never printed '" + line + "'; its output:\n" + output());
  }

  /** What the application printed for {@code step}: {@code OK <result>} or {@code FAILED ...}. */
  String outcome(String step) throws IOException {
    String output = output();
    return lines().stream()
        .filter(line -> line.startsWith(step + " "))
        .map(line -> line.substring(step.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + step + " in:\n" + output));
  }

  List<String> lines() throws IOException {
    return Files.readAllLines(output, StandardCharsets.UTF_8);
  }

  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /** Writes {@code line} to the application's standard input. */
  void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** The process id, for thread dumps and signals. */
  long pid() {
    return process.pid();
  }

  /** Kills the application with SIGKILL, as {@code kill -9} does, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * Kills the application, as {@link #close()} does, and keeps what it printed next to the agent
   * jar as {@code name}, for whoever has to find out why a test failed.
   */
  void closeKeepingOutput(String name) throws IOException {
    close();
    Files.copy(output, agentJar().resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
