package dev.firetap.sample.demo;

import dev.firetap.handler.HandlerLag;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./firetap demo [--load]}: starts a private Redis and Firestore emulator, the sample app
 * with the agent, a worker of the sample's handlers and the console; drives traffic; prints what
 * happened and the console's address; and runs until its standard input ends (the launcher closes
 * it on Ctrl-C), then stops everything, the last started first.
 *
 * <p>Needs the system properties of {@link DemoLayout#ofBuild()}. Exit codes: 0 after a run, 1 when
 * something failed, 2 for invalid arguments.
 */
public final class DemoMain {
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);

  private final DemoOptions options;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private Path directory;

  private DemoMain(DemoOptions options) {
    this.options = options;
  }

  /** Runs the demo; see the class description. */
  public static void main(String[] args) throws InterruptedException {
    DemoOptions options;
    try {
      options = DemoOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      say(e.getMessage());
      System.exit(2);
      return;
    }
    DemoMain demo = new DemoMain(options);
    Thread hook = new Thread(demo::stop, "firetap-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int status = demo.runUntilStopped();
    demo.stop();
    Runtime.getRuntime().removeShutdownHook(hook);
    System.exit(status);
  }

  private int runUntilStopped() throws InterruptedException {
    try {
      run();
    } catch (IOException | RuntimeException e) {
      say("failed: " + e.getMessage());
      return 1;
    }
    say("running until Ctrl-C (or the end of standard input)");
    awaitEndOf(System.in);
    return 0;
  }

  private void run() throws IOException, InterruptedException {
    DemoLayout layout = DemoLayout.ofBuild();
    directory = Files.createTempDirectory("firetap-demo-");
    say("work directory with every process's log and the outbox: " + directory);

    Backends backends = startServers();
    SampleProcesses processes = new SampleProcesses(layout, backends, directory);

    say("starting the sample app with the agent, and a worker of its handlers");
    SampleProcesses.Started sample =
        processes.start(options.declineRatio(), options.workerOptions());
    SampleProcesses.App app = sample.app();
    SampleProcesses.Worker worker = sample.worker();
    started.push(app.process()::stop);
    started.push(worker.process()::stop);
    say(
        "sample app at "
            + app.url()
            + ", worker running "
            + worker.handlerIds().size()
            + " handlers");

    String console = startConsole(processes);

    TrafficReport report = drive(app);

    printSummary(backends, worker, report);
    say(console);
  }

  private Backends startServers() {
    say("starting a private redis-server and the Firestore emulator");
    RedisServer redis = RedisServer.start();
    started.push(redis::stop);
    FirestoreEmulator emulator = FirestoreEmulator.start();
    started.push(emulator::stop);
    say("Redis at " + redis.url() + ", Firestore emulator at " + emulator.hostAndPort());
    return new Backends(redis.url(), emulator.hostAndPort(), "firetap-demo");
  }

  /** The line to print about the console: its address, or why there is none. */
  private String startConsole(SampleProcesses processes) throws IOException {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    try {
      SampleProcesses.Console console = processes.startConsole(freePort(), token);
      started.push(console.process()::stop);
      return "console: " + console.url();
    } catch (IllegalStateException e) {
      // The demo is worth running without its console; the summary says why it is missing.
      return "console: not started: " + e.getMessage();
    }
  }

  private TrafficReport drive(SampleProcesses.App app) throws IOException, InterruptedException {
    TrafficPlan plan = TrafficPlan.generate(DemoOptions.SEED, options.size());
    say(
        "driving traffic: "
            + plan.users().size()
            + " users, "
            + plan.steps().size()
            + " requests from "
            + options.clients()
            + " clients");
    return new DemoTraffic(new SampleApi(app.url()), options.clients()).run(plan);
  }

  private void printSummary(Backends backends, SampleProcesses.Worker worker, TrafficReport report)
      throws InterruptedException {
    say("waiting for the handlers to catch up");
    List<HandlerLag> lags;
    long start = System.nanoTime();
    try (HandlerProgress progress = new HandlerProgress(backends.redisUrl())) {
      lags = progress.awaitCaughtUp(worker.handlerIds(), CATCH_UP_TIMEOUT);
    }
    say(
        String.format(
            Locale.ROOT,
            "handlers caught up %.1f s after the traffic ended",
            (System.nanoTime() - start) / 1e9));
    RedisClient client = RedisClient.create(backends.redisUrl());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      new DemoSummary(redis.sync()).lines(report, lags).forEach(DemoMain::say);
    } finally {
      client.shutdown();
    }
    say("look around: FIRETAP_REDIS_URL=" + backends.redisUrl() + " ./firetap groups");
  }

  /** Stops what was started, the last first, and deletes the work directory. Idempotent. */
  private synchronized void stop() {
    if (started.isEmpty() && directory == null) {
      return;
    }
    say("stopping");
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        say("stopping failed: " + e);
      }
    }
    deleteDirectory();
    say("stopped");
  }

  private void deleteDirectory() {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      say("could not delete " + directory + ": " + e.getMessage());
    }
    directory = null;
  }

  private static void awaitEndOf(InputStream in) {
    try {
      while (in.read() >= 0) {
        // Everything typed is ignored; the demo stops when the stream ends.
      }
    } catch (IOException e) {
      // A closed standard input ends the demo as its end does.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void say(String line) {
    System.out.println("firetap demo: " + line);
  }
}
