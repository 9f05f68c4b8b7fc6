package dev.firetap.internal;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Firetap instance that the Java agent starts in the background while the application already
 * runs. Annotated calls made before it runs are held here, and reported once it has started,
 * instead of being lost: an application's first calls often come before the instance is up.
 *
 * <p>At most {@value #MAX_WAITING} reports wait; beyond that they are dropped and said so once at
 * ERROR. When the instance cannot start, the waiting reports are dropped with it (the agent logs
 * that failure).
 *
 * <p>Not an API for applications.
 */
public final class StartingInstance {
  static final int MAX_WAITING = 65_536;

  private static final Logger log = LoggerFactory.getLogger(StartingInstance.class);
  private static final AtomicInteger waiting = new AtomicInteger();
  private static final AtomicBoolean overflowReported = new AtomicBoolean();
  private static volatile Starting current;

  private StartingInstance() {}

  /**
   * Announces that an instance with the settings {@code config} is starting and will complete
   * {@code started}.
   */
  public static void announce(FiretapConfig config, CompletableFuture<Firetap> started) {
    Starting starting = new Starting(config, started, new ConcurrentLinkedQueue<>());
    current = starting;
    started.whenComplete((instance, failure) -> starting.release(instance));
  }

  /** The settings of the instance still starting; empty when none is starting. */
  public static Optional<FiretapConfig> config() {
    Starting starting = current;
    return starting == null || starting.started().isDone()
        ? Optional.empty()
        : Optional.of(starting.config());
  }

  /**
   * Runs {@code report} with the running instance once the announced one has started, after the
   * reports that were held before it: on the starting thread, or on this one when it has started
   * meanwhile. Nothing runs when the instance fails to start, or when {@value #MAX_WAITING} reports
   * already wait.
   */
  public static void whenStarted(Consumer<Firetap> report) {
    Starting starting = current;
    if (starting == null) {
      return;
    }
    if (waiting.incrementAndGet() > MAX_WAITING) {
      waiting.decrementAndGet();
      if (overflowReported.compareAndSet(false, true)) {
        log.error(
            "more than {} annotated calls made while Firetap was still starting; the events of the"
                + " calls beyond them are lost",
            MAX_WAITING);
      }
      return;
    }
    starting.held().add(report);
    CompletableFuture<Firetap> started = starting.started();
    if (started.isDone()) {
      // Started, or failed, while this report was being added: the release may have missed it.
      starting.release(started.isCompletedExceptionally() ? null : started.join());
    }
  }

  /**
   * An announced start: its settings, what completes when it has started, and the reports held
   * until then.
   */
  private record Starting(
      FiretapConfig config,
      CompletableFuture<Firetap> started,
      ConcurrentLinkedQueue<Consumer<Firetap>> held) {

    /** Runs the held reports in the order they came, or drops them when the start failed. */
    synchronized void release(Firetap instance) {
      for (Consumer<Firetap> report; (report = held.poll()) != null; ) {
        waiting.decrementAndGet();
        if (instance != null) {
          report.accept(Firetap.global().orElse(instance));
        }
      }
    }
  }
}
