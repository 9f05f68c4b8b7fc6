package dev.firetap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of Firetap's background threads (setting {@code
 * firetap.threads.nice}), so that when the application's threads and Firetap's want the same cores,
 * the application's run first and Firetap catches up in the gaps.
 *
 * <p>On Linux each thread has a nice value of its own. Java offers no call to change it, and
 * priorities given to {@link Thread#setPriority} are ignored on Linux, so a thread lowers its own
 * value by running {@code renice} on its thread id, read from {@code /proc/thread-self}, once when
 * it starts. Where that fails (another system, no {@code renice}, processes not allowed), Firetap
 * says so once at INFO and its threads run at the application's priority.
 *
 * <p>Not an API for applications.
 */
public final class BackgroundPriority {
  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final long RENICE_TIMEOUT_MILLIS = 2_000;
  private static final AtomicBoolean unavailable = new AtomicBoolean();

  private BackgroundPriority() {}

  /**
   * Runs {@code task} after lowering the running thread to {@code nice}; meant to be the body of a
   * new Firetap thread.
   */
  public static Runnable lowered(int nice, Runnable task) {
    return () -> {
      lowerCurrentThread(nice);
      task.run();
    };
  }

  /** A factory whose threads lower themselves to {@code nice} before they run their task. */
  public static ThreadFactory lowering(int nice, ThreadFactory threads) {
    if (nice == 0) {
      return threads;
    }
    return task -> threads.newThread(lowered(nice, task));
  }

  /**
   * Lowers the calling thread's scheduling priority to nice value {@code nice} (1 to 19); 0 or a
   * thread already at that value or lower changes nothing. Never throws.
   */
  public static void lowerCurrentThread(int nice) {
    if (nice <= 0 || unavailable.get()) {
      return;
    }
    try {
      String tid = THREAD_SELF.toRealPath().getFileName().toString();
      if (niceOf(tid) >= nice) {
        return;
      }
      renice(tid, nice);
    } catch (IOException | RuntimeException e) {
      reportUnavailable(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The nice value of thread {@code tid}: field 19 of its stat line, after the command name. */
  private static int niceOf(String tid) throws IOException {
    String stat = Files.readString(THREAD_SELF.resolve("stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }

  private static void renice(String tid, int nice) throws IOException, InterruptedException {
    Process renice =
        new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!renice.waitFor(RENICE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
      renice.destroyForcibly();
      reportUnavailable("renice did not finish within " + RENICE_TIMEOUT_MILLIS + " ms");
    } else if (renice.exitValue() != 0) {
      reportUnavailable("renice exited with status " + renice.exitValue());
    } else {
      log.debug("thread {} (tid {}) runs at nice {}", Thread.currentThread().getName(), tid, nice);
    }
  }

  private static void reportUnavailable(String why) {
    if (unavailable.compareAndSet(false, true)) {
      log.info(
          "firetap.threads.nice: Firetap's threads cannot lower their priority here ({}); they run"
              + " at the application's",
          why);
    }
  }
}
