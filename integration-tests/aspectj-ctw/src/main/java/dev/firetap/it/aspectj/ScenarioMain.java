package dev.firetap.it.aspectj;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@link Scenario} in a JVM of its own, for the load-time weaving test: arguments are the
 * Redis URL and the spool folder. Prints what the application saw, then {@code scenario done}.
 */
public final class ScenarioMain {
  private ScenarioMain() {}

  /** Waits until every event is written: the shipment's event comes from another thread. */
  private static boolean awaitDelivery(Firetap firetap) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (firetap.emitter().stats().emitted() < Scenario.EVENTS) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      firetap.emitter().flush(Duration.ofMillis(100));
      Thread.onSpinWait();
    }
    return true;
  }

  /** Starts Firetap, runs the scenario, delivers the events and stops. */
  public static void main(String[] args) {
    FiretapConfig config =
        FiretapConfig.fromMap(
            Map.of(
                "firetap.redis.url",
                args[0],
                "firetap.spool.dir",
                args[1],
                "firetap.service",
                "firetap-test",
                "firetap.errors.enabled",
                "false"));
    try (Firetap firetap = Firetap.start(config)) {
      List<String> seen = Scenario.run();
      seen.forEach(line -> System.out.println("seen: " + line));
      System.out.println("scenario done, delivered: " + awaitDelivery(firetap));
    }
  }
}
