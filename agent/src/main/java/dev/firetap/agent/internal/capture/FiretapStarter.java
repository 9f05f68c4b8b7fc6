package dev.firetap.agent.internal.capture;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the agent's Firetap instance on a thread of its own, so premain returns at once. */
public final class FiretapStarter {
  private static final Logger log = LoggerFactory.getLogger(FiretapStarter.class);

  private FiretapStarter() {}

  /**
   * Starts Firetap in the background. The agent emits change events only: its instance keeps no
   * error archive, which would otherwise open a Firestore client of its own.
   *
   * @return completes with the instance, or exceptionally when it cannot start
   */
  public static CompletableFuture<Firetap> start(FiretapConfig config) {
    CompletableFuture<Firetap> started = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                started.complete(Firetap.start(config.with("firetap.errors.enabled", "false")));
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
}
