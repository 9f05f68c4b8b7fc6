package dev.firetap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private {@code redis-server} on a free port of 127.0.0.1, without persistence, for tests. It
 * can be killed, restarted on the same port, and frozen, to test outages.
 *
 * <p>The server is killed when the test JVM exits or dies, even if {@link #stop()} is never called.
 */
public final class RedisServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisServer.class);
  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PING_TIMEOUT = Duration.ofMillis(250);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RESTART_BACKOFF = Duration.ofMillis(100);
  private static final int START_ATTEMPTS = 5;
  private static final int LOG_TAIL_LINES = 20;
  private static final String PORT_TAKEN = "Address already in use";

  private final Path binary;
  private final Path directory;
  private final int port;
  private final List<String> extraArguments;
  private volatile ManagedProcess process;

  private RedisServer(
      Path binary, Path directory, int port, List<String> extraArguments, ManagedProcess process) {
    this.binary = binary;
    this.directory = directory;
    this.port = port;
    this.extraArguments = extraArguments;
    this.process = process;
  }

  /**
   * Starts a server on a free port and waits until it answers PING.
   *
   * @throws IllegalStateException when it does not start; the message ends with its last log lines
   * @throws org.opentest4j.TestAbortedException when redis-server is not installed, outside CI
   */
  public static RedisServer start() {
    return start(new String[0]);
  }

  /**
   * Starts a server with additional redis-server arguments, each a whole option such as {@code
   * "--maxmemory 10mb"} or one of its parts ({@code "--maxmemory", "10mb"}).
   *
   * @throws IllegalStateException when it does not start; the message ends with its last log lines
   * @throws org.opentest4j.TestAbortedException when redis-server is not installed, outside CI
   */
  public static RedisServer start(String... extraArgs) {
    List<String> extraArguments = List.of(Objects.requireNonNull(extraArgs, "extraArgs"));
    Path binary = new RedisServerLocator().require();
    Path directory = ScratchDirectory.create("firetap-redis-");
    try {
      return startIn(binary, directory, extraArguments);
    } catch (RuntimeException e) {
      ScratchDirectory.delete(directory);
      throw e;
    }
  }

  private static RedisServer startIn(Path binary, Path directory, List<String> extraArguments) {
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = FreePorts.next();
      ManagedProcess process = launch(binary, directory, port, extraArguments);
      if (process.isAlive()) {
        return new RedisServer(binary, directory, port, extraArguments, process);
      }
      log.debug("redis://{}:{} was taken before redis-server bound it; retrying", HOST, port);
    }
    throw new IllegalStateException(
        "redis-server found no free port in " + START_ATTEMPTS + " attempts");
  }

  /**
   * Runs redis-server on {@code port} and waits until it answers. Returns the running process, or
   * the exited one when another process holds the port.
   */
  private static ManagedProcess launch(
      Path binary, Path directory, int port, List<String> extraArguments) {
    Path logFile = directory.resolve("redis-server.log");
    ManagedProcess process =
        ManagedProcess.startUnchecked(
            "redis-server", command(binary, directory, port, extraArguments), logFile);
    ManagedProcess.Readiness readiness =
        process.awaitReady(() -> RedisSocket.answersPing(port, PING_TIMEOUT), START_TIMEOUT);
    if (readiness == ManagedProcess.Readiness.READY) {
      log.info("redis://{}:{} started (pid {}, log {})", HOST, port, process.pid(), logFile);
      return process;
    }
    process.kill();
    if (readiness == ManagedProcess.Readiness.EXITED && process.log().contains(PORT_TAKEN)) {
      return process;
    }
    String problem =
        readiness == ManagedProcess.Readiness.EXITED
            ? "exited during start"
            : "did not answer PING within %d s".formatted(START_TIMEOUT.toSeconds());
    throw new IllegalStateException(
        "redis-server on %s:%d %s; last lines of its log:%n%s"
            .formatted(HOST, port, problem, process.logTail(LOG_TAIL_LINES)));
  }

  private static List<String> command(
      Path binary, Path directory, int port, List<String> extraArguments) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(Arrays.asList("--port", Integer.toString(port), "--bind", HOST));
    command.addAll(Arrays.asList("--save", "", "--appendonly", "no", "--daemonize", "no"));
    command.addAll(Arrays.asList("--dir", directory.toString()));
    command.addAll(extraArguments);
    return command;
  }

  /** The port the server listens on; it stays the same across {@link #restart()}. */
  public int port() {
    return port;
  }

  /** The URL for clients, {@code redis://127.0.0.1:PORT}. */
  public String url() {
    return "redis://" + HOST + ":" + port;
  }

  long pid() {
    return process.pid();
  }

  /** True while the server process exists, frozen or not. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** True while the server is suspended by {@link #freeze()}. */
  public boolean isFrozen() {
    return process.isFrozen();
  }

  /**
   * Deletes every key in every database.
   *
   * @throws IllegalStateException when the server does not answer within 2 s
   */
  public void flushAll() {
    String reply;
    try {
      reply = RedisSocket.send(port, COMMAND_TIMEOUT, "FLUSHALL");
    } catch (IOException e) {
      throw new IllegalStateException(url() + " did not answer FLUSHALL: " + e.getMessage(), e);
    }
    if (!reply.equals("+OK")) {
      throw new IllegalStateException(url() + " answered FLUSHALL with '" + reply + "'");
    }
  }

  /** Suspends the server with SIGSTOP: connections stay open, but commands time out. */
  public synchronized void freeze() {
    process.freeze();
    log.info("{} frozen", url());
  }

  /** Resumes a server suspended by {@link #freeze()} with SIGCONT. */
  public synchronized void thaw() {
    process.thaw();
    log.info("{} thawed", url());
  }

  /** Kills the server with SIGKILL, as a crash would; {@link #restart()} brings it back. */
  public synchronized void kill() {
    process.kill();
    log.info("{} killed", url());
  }

  /**
   * Starts the server again on the same port, empty, killing it first if it still runs. Retries for
   * a moment while the port is still held.
   *
   * @throws IllegalStateException when the port stays taken or the server does not start
   */
  public synchronized void restart() {
    process.kill();
    createDirectory();
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      ManagedProcess restarted = launch(binary, directory, port, extraArguments);
      if (restarted.isAlive()) {
        process = restarted;
        return;
      }
      ManagedProcess.pause(RESTART_BACKOFF.multipliedBy(attempt));
    }
    throw new IllegalStateException(
        "redis-server could not bind %s:%d again: still in use after %d attempts"
            .formatted(HOST, port, START_ATTEMPTS));
  }

  private void createDirectory() {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  /**
   * Stops the server with SHUTDOWN NOSAVE, kills it if it has not exited within 5 s, and deletes
   * its working directory. Does nothing more if it is already stopped.
   */
  public synchronized void stop() {
    if (process.isAlive()) {
      shutDown();
    }
    process.kill();
    ScratchDirectory.delete(directory);
  }

  private void shutDown() {
    if (process.isFrozen()) {
      process.thaw();
    }
    try {
      RedisSocket.send(port, COMMAND_TIMEOUT, "SHUTDOWN", "NOSAVE");
    } catch (IOException e) {
      log.debug("{} did not take SHUTDOWN NOSAVE; killing it", url(), e);
    }
    if (process.awaitExit(SHUTDOWN_TIMEOUT)) {
      log.info("{} stopped", url());
    } else {
      log.warn("{} ignored SHUTDOWN NOSAVE for {}; killing it", url(), SHUTDOWN_TIMEOUT);
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "RedisServer[" + url() + "]";
  }
}
