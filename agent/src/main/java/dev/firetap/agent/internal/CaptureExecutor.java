package dev.firetap.agent.internal;

import dev.firetap.internal.BackgroundPriority;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Firetap thread that turns completed commits into change events, snapshot reads included.
 * gRPC threads only enqueue here: they never wait, and a full queue drops the commit (counted and
 * reported) instead of blocking the application.
 */
public final class CaptureExecutor implements Executor {
  static final int CAPACITY = 100_000;

  private static final Logger log = LoggerFactory.getLogger(CaptureExecutor.class);
  private static final ThreadLocal<Boolean> CAPTURE_THREAD = ThreadLocal.withInitial(() -> false);

  private final ThreadPoolExecutor pool;
  private final AtomicLong dropped = new AtomicLong();

  private CaptureExecutor(int capacity, int threadNice) {
    this.pool =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(capacity),
            task -> newThread(BackgroundPriority.lowered(threadNice, task)),
            (task, executor) -> drop());
  }

  /**
   * Starts the executor with room for {@value #CAPACITY} waiting commits; its thread runs at nice
   * value {@code threadNice} (setting {@code firetap.threads.nice}).
   */
  public static CaptureExecutor start(int threadNice) {
    return new CaptureExecutor(CAPACITY, threadNice);
  }

  /**
   * The capture thread, made by whichever thread first hands over a commit; it takes neither that
   * thread's context class loader nor its inheritable thread locals, which could keep an undeployed
   * web application from being collected.
   */
  private static Thread newThread(Runnable task) {
    Runnable capture =
        () -> {
          CAPTURE_THREAD.set(true);
          task.run();
        };
    Thread thread = new Thread(null, capture, "firetap-capture", 0, false);
    thread.setContextClassLoader(CaptureExecutor.class.getClassLoader());
    thread.setDaemon(true);
    return thread;
  }

  private void drop() {
    long total = dropped.incrementAndGet();
    if (Long.bitCount(total) == 1) {
      log.error(
          "{} commits waiting for capture: dropped one, {} dropped so far; their change events"
              + " are lost",
          CAPACITY,
          total);
    }
  }

  /** Runs {@code task} on the capture thread; never blocks and never throws. */
  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /**
   * Stops taking commits and waits up to {@code timeout} for those already waiting to be captured.
   *
   * @return false when some were still waiting at the end
   */
  public boolean drain(Duration timeout) {
    pool.shutdown();
    try {
      return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether the calling thread is the capture thread. */
  public boolean isCaptureThread() {
    return CAPTURE_THREAD.get();
  }

  /** How many commits were dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }
}
