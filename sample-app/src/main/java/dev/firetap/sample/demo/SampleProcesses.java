package dev.firetap.sample.demo;

import dev.firetap.testing.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the demo's processes, each a JVM with its output in a log file of the work directory and a
 * watchdog that ends it when this JVM dies: the sample app with the agent, the handler worker, and
 * the console.
 */
public final class SampleProcesses {
  /** The handler package the worker scans. */
  public static final String HANDLERS = "dev.firetap.sample.handlers";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration CONSOLE_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern APP_URL = Pattern.compile("listening on (http://\\S+)");
  private static final Pattern HANDLER_IDS = Pattern.compile("running handlers \\[(.*)]");
  private static final Pattern CONSOLE_URL = Pattern.compile("firetap console: (http://\\S+)");

  private final DemoLayout layout;
  private final Backends backends;
  private final Path directory;

  /**
   * Starts processes of {@code layout} on {@code backends}, with their files in {@code directory}.
   */
  public SampleProcesses(DemoLayout layout, Backends backends, Path directory) {
    this.layout = layout;
    this.backends = backends;
    this.directory = directory;
  }

  /**
   * The running sample app.
   *
   * @param process its JVM
   * @param url where it serves
   */
  public record App(ManagedProcess process, URI url) {}

  /**
   * The running worker.
   *
   * @param process its JVM
   * @param handlerIds the handlers it runs
   */
  public record Worker(ManagedProcess process, List<String> handlerIds) {}

  /**
   * The running console.
   *
   * @param process its JVM
   * @param url its address, token included
   */
  public record Console(ManagedProcess process, String url) {}

  /**
   * The sample app and its worker, both running.
   *
   * @param app the app
   * @param worker the worker
   */
  public record Started(App app, Worker worker) {}

  /**
   * Starts the app with the agent and a worker of the sample's handlers side by side, and waits
   * until the app serves, the agent's Firetap runs and the worker runs its handlers.
   *
   * @param declineRatio the share of payments the gateway declines besides test cards
   * @param workerOptions the handler options of the worker, {@code name=value} as {@code --set}
   *     takes them
   * @throws IllegalStateException when one does not start; both are stopped then, and the message
   *     ends with the output of the one that failed
   */
  public Started start(double declineRatio, List<String> workerOptions) throws IOException {
    ManagedProcess app = launchApp(declineRatio);
    ManagedProcess worker = null;
    try {
      worker = launchWorker(workerOptions);
      return new Started(awaitApp(app), awaitWorker(worker));
    } catch (IOException | RuntimeException e) {
      app.stop();
      if (worker != null) {
        worker.stop();
      }
      throw e;
    }
  }

  private ManagedProcess launchApp(double declineRatio) throws IOException {
    String agentArguments =
        String.join(
            ",",
            "redis.url=" + backends.redisUrl(),
            "service=sample-app",
            "spool.dir=" + directory.resolve("spool"));
    List<String> command = java("384m");
    command.add("-javaagent:" + layout.agentJar() + "=" + agentArguments);
    command.addAll(sampleSettings());
    command.add("-Dsample.port=0");
    command.add("-Dsample.redis.url=" + backends.redisUrl());
    command.add("-Dsample.payments.decline-ratio=" + declineRatio);
    command.addAll(List.of("-cp", layout.appClassPath(), "dev.firetap.sample.SampleApp"));
    return start("sample app", command, "sample-app.log");
  }

  private static App awaitApp(ManagedProcess app) {
    awaitLine(app, "started for service sample-app", START_TIMEOUT);
    return new App(app, URI.create(awaitMatch(app, APP_URL, START_TIMEOUT)));
  }

  private ManagedProcess launchWorker(List<String> options) throws IOException {
    List<String> command = java("256m");
    command.addAll(firetapSettings("sample-worker"));
    command.addAll(sampleSettings());
    command.add("-Dsample.outbox=" + outbox());
    command.addAll(List.of("-cp", layout.workerClassPath(), "dev.firetap.worker.WorkerMain"));
    command.addAll(List.of("--handlers", HANDLERS));
    options.forEach(option -> command.addAll(List.of("--set", option)));
    return start("worker", command, "worker.log");
  }

  private static Worker awaitWorker(ManagedProcess worker) {
    String ids = awaitMatch(worker, HANDLER_IDS, START_TIMEOUT);
    return new Worker(worker, Arrays.asList(ids.split(",\\s*")));
  }

  /**
   * Starts {@code firetap console} on {@code port} with {@code token}.
   *
   * @throws IllegalStateException when it does not print its address within 20 s, for instance
   *     because this build's command line has no console; it is stopped then
   */
  public Console startConsole(int port, String token) throws IOException {
    List<String> command = java("256m");
    command.addAll(firetapSettings("firetap-console"));
    command.addAll(List.of("-cp", layout.workerClassPath(), "dev.firetap.cli.FiretapCli"));
    command.addAll(List.of("console", "--port", Integer.toString(port), "--token", token));
    ManagedProcess console = start("console", command, "console.log");
    try {
      return new Console(console, awaitMatch(console, CONSOLE_URL, CONSOLE_TIMEOUT));
    } catch (IllegalStateException e) {
      console.stop();
      throw e;
    }
  }

  /** The outbox file the worker's message sender writes. */
  public Path outbox() {
    return directory.resolve("outbox.jsonl");
  }

  private List<String> java(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    return command;
  }

  private List<String> firetapSettings(String service) {
    return List.of(
        "-Dfiretap.redis.url=" + backends.redisUrl(),
        "-Dfiretap.service=" + service,
        "-Dfiretap.spool.dir=" + directory.resolve("spool"));
  }

  private List<String> sampleSettings() {
    return List.of(
        "-Dsample.firestore.emulator=" + backends.firestoreEmulator(),
        "-Dsample.firestore.project=" + backends.firestoreProject());
  }

  private ManagedProcess start(String name, List<String> command, String logFile)
      throws IOException {
    return ManagedProcess.start(name, command, directory.resolve(logFile));
  }

  private static void awaitLine(ManagedProcess process, String text, Duration timeout) {
    if (process.awaitLogLine(text, timeout) != ManagedProcess.Readiness.READY) {
      throw notStarted(process, "printed no line with '" + text + "'");
    }
  }

  private static String awaitMatch(ManagedProcess process, Pattern pattern, Duration timeout) {
    ManagedProcess.Readiness readiness =
        process.awaitReady(() -> pattern.matcher(process.log()).find(), timeout);
    if (readiness != ManagedProcess.Readiness.READY) {
      throw notStarted(process, "printed no line matching '" + pattern + "'");
    }
    Matcher matcher = pattern.matcher(process.log());
    matcher.find();
    return matcher.group(1);
  }

  private static IllegalStateException notStarted(ManagedProcess process, String problem) {
    String state = process.isAlive() ? "is running but " + problem : "exited";
    return new IllegalStateException(
        process + " " + state + "; its last lines:\n" + process.logTail(20));
  }
}
