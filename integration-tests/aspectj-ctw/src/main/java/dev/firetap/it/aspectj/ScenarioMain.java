package dev.firetap.it.aspectj;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the {@link Scenario} in a JVM of its own, for the weaving tests that need one: arguments are
 * the Redis URL and the spool folder. Prints what the application saw, then {@code scenario done}.
 */
public final class ScenarioMain {
  private ScenarioMain() {}

  /** Starts Firetap, runs the scenario, delivers the events and stops. */
  public static void main(String[] args) {
    run(args, Scenario::run, Scenario.EVENTS);
  }

  /**
   * Starts Firetap for the Redis URL and spool folder in {@code args}, makes the calls, prints what
   * they saw, waits until the {@code events} they emit are written and stops.
   */
  static void run(String[] args, Supplier<List<String>> calls, int events) {
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
      List<String> seen = calls.get();
      seen.forEach(line -> System.out.println("seen: " + line));
      System.out.println("scenario done, delivered: " + awaitDelivery(firetap, events));
    }
  }

  /** Waits until {@code events} are written: the shipment's event comes from another thread. */
  private static boolean awaitDelivery(Firetap firetap, int events) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (firetap.emitter().stats().emitted() < events) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      firetap.emitter().flush(Duration.ofMillis(100));
      Thread.onSpinWait();
    }
    return true;
  }
}
