package dev.firetap.agent.internal;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.internal.StartingInstance;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the agent's Firetap instance on a thread of its own, so premain returns at once. */
public final class FiretapStarter {
  private static final Logger log = LoggerFactory.getLogger(FiretapStarter.class);

  private FiretapStarter() {}

  /**
   * Starts Firetap in the background. The agent emits change events only: its instance keeps no
   * error archive, which would otherwise open a Firestore client of its own. At JVM shutdown, the
   * commits still waiting on {@code executor} are captured first, then Firetap delivers or spools
   * what is queued: a write made just before the application exits is not lost. Annotated calls
   * made while it starts are reported once it runs ({@link StartingInstance}).
   *
   * @return completes with the instance, or exceptionally when it cannot start
   */
  public static CompletableFuture<Firetap> start(FiretapConfig config, CaptureExecutor executor) {
    CompletableFuture<Firetap> started = new CompletableFuture<>();
    StartingInstance.announce(config, started);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> shutDown(config, executor, started), "firetap-agent-shutdown"));
    Thread thread =
        new Thread(
            () -> {
              try {
                started.complete(
                    Firetap.builder()
                        .config(config.with("firetap.errors.enabled", "false"))
                        .closeOnShutdown(false)
                        .processWide(true)
                        .start());
              } catch (Throwable e) {
                log.error("Firetap did not start; no change event will be emitted", e);
                started.completeExceptionally(e);
              }
            },
            "firetap-agent-start");
    thread.setDaemon(true);
    thread.start();
    return started;
  }

  private static void shutDown(
      FiretapConfig config, CaptureExecutor executor, CompletableFuture<Firetap> started) {
    if (!executor.drain(config.shutdownTimeout())) {
      log.error("commits were still waiting to be captured at shutdown; their events are lost");
    }
    try {
      started.get(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS).close();
    } catch (Exception e) {
      log.warn("Firetap was not running at shutdown: {}", e.toString());
    }
  }
}
