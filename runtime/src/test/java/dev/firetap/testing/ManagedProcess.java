package dev.firetap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process started by the test rig, or by the demo: its output goes to a log file, a watchdog
 * kills it when the JVM that started it dies, and a shutdown hook kills it when that JVM exits.
 *
 * <p>The watchdog is a separate {@code sh} loop, because a SIGKILLed JVM runs no shutdown hook.
 */
public final class ManagedProcess {
  private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ManagedProcess::killAllLive, "firetap-test-rig-cleanup"));
  }

  /** How waiting for a process to become ready ended. */
  public enum Readiness {
    READY,
    EXITED,
    TIMED_OUT
  }

  private final String name;
  private final Process process;
  private final Process watchdog;
  private final Path logFile;
  private final long logOffset;
  private volatile boolean frozen;

  private ManagedProcess(
      String name, Process process, Process watchdog, Path logFile, long logOffset) {
    this.name = name;
    this.process = process;
    this.watchdog = watchdog;
    this.logFile = logFile;
    this.logOffset = logOffset;
  }

  /**
   * Starts {@code command} in the directory of {@code logFile}, with stdout and stderr appended to
   * {@code logFile}, guarded by a watchdog that kills it once the current JVM is gone.
   */
  public static ManagedProcess start(String name, List<String> command, Path logFile)
      throws IOException {
    return start(name, command, logFile, ProcessHandle.current().pid());
  }

  /** Like {@link #start(String, List, Path)}, failing with an unchecked exception. */
  public static ManagedProcess startUnchecked(String name, List<String> command, Path logFile) {
    try {
      return start(name, command, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
  }

  /** Like {@link #start(String, List, Path)}, but the watchdog guards {@code ownerPid}. */
  static ManagedProcess start(String name, List<String> command, Path logFile, long ownerPid)
      throws IOException {
    long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
    Process process =
        new ProcessBuilder(command)
            .directory(logFile.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    Process watchdog = startWatchdog(ownerPid, process.pid());
    ManagedProcess managed = new ManagedProcess(name, process, watchdog, logFile, logOffset);
    LIVE.add(managed);
    log.debug("{} started as pid {}, watchdog pid {}", name, process.pid(), watchdog.pid());
    return managed;
  }

  private static Process startWatchdog(long ownerPid, long serverPid) throws IOException {
    String script =
        "while kill -0 %d 2>/dev/null; do sleep 1; done; kill -9 %d".formatted(ownerPid, serverPid);
    return new ProcessBuilder("sh", "-c", script)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** True while the process exists. */
  public boolean isAlive() {
    return process.isAlive();
  }

  boolean isFrozen() {
    return frozen && process.isAlive();
  }

  /** Waits until {@code ready} holds, the process exits, or {@code timeout} passes. */
  public Readiness awaitReady(BooleanSupplier ready, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return Readiness.EXITED;
      }
      if (ready.getAsBoolean()) {
        return Readiness.READY;
      }
      pause(POLL_INTERVAL);
    }
    return Readiness.TIMED_OUT;
  }

  /** Waits until the log contains {@code text}, the process exits, or {@code timeout} passes. */
  public Readiness awaitLogLine(String text, Duration timeout) {
    return awaitReady(() -> log().contains(text), timeout);
  }

  /** What this process has written to the log so far; empty when nothing yet. */
  public String log() {
    try {
      byte[] bytes = Files.readAllBytes(logFile);
      int from = (int) Math.min(logOffset, bytes.length);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the log of " + name + " at " + logFile, e);
    }
  }

  /** The last {@code count} lines of the log, for failure messages. */
  public String logTail(int count) {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** Suspends the process with SIGSTOP; it keeps its sockets but answers nothing. */
  void freeze() {
    signal("STOP");
    frozen = true;
  }

  /** Resumes a process suspended by {@link #freeze()} with SIGCONT. */
  void thaw() {
    signal("CONT");
    frozen = false;
  }

  private void signal(String signal) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "cannot send SIG%s to %s: pid %d has exited".formatted(signal, name, process.pid()));
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
      if (!kill.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException(
            "kill -%s %d failed for %s".formatted(signal, process.pid(), name));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -" + signal + " for " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + name, e);
    }
  }

  /** Waits up to {@code timeout} for the process to exit; true when it has. */
  public boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Asks the process and its descendants to terminate (SIGTERM), then kills what remains. */
  public void stop() {
    if (isFrozen()) {
      thaw();
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!awaitExit(EXIT_TIMEOUT)) {
      log.warn("{} (pid {}) ignored SIGTERM for {}; killing it", name, pid(), EXIT_TIMEOUT);
    }
    kill();
  }

  /** Kills the process and its descendants with SIGKILL and waits until it is gone. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!awaitExit(EXIT_TIMEOUT)) {
      log.warn("{} (pid {}) still runs {} after SIGKILL", name, pid(), EXIT_TIMEOUT);
    }
    frozen = false;
    watchdog.destroyForcibly();
    LIVE.remove(this);
  }

  /** The shutdown hook: kills what is still running, then deletes the servers' directories. */
  private static void killAllLive() {
    for (ManagedProcess managed : Set.copyOf(LIVE)) {
      managed.kill();
    }
    ScratchDirectory.deleteAllRemaining();
  }

  /**
   * Pauses between two polls. The rig polls its servers itself because the modules that share it
   * through the test-jar need not depend on Awaitility.
   */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a test server", e);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
