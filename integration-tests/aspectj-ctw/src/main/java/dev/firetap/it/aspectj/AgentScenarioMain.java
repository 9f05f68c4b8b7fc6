package dev.firetap.it.aspectj;

import dev.firetap.Firetap;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the {@link Scenario} in a JVM started with the Firetap agent, which starts Firetap itself:
 * prints what the application saw, then {@code scenario done}, and exits, so that Firetap's
 * shutdown hook delivers every event.
 */
public final class AgentScenarioMain {
  private AgentScenarioMain() {}

  /** Waits for the agent's Firetap instance, runs the scenario and exits. */
  public static void main(String[] args) {
    run(Scenario::run);
  }

  /** Waits for the agent's Firetap instance, makes the calls, prints what they saw and exits. */
  static void run(Supplier<List<String>> calls) {
    // The agent starts Firetap in the background (calls made before it runs are reported once it
    // does); the calls run against a running instance, as the AspectJ tests' do.
    // Firetap resolves from the agent jar, which the JVM puts on the application's class path.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Firetap.global().isEmpty() && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
    System.out.println("agent ready: " + Firetap.global().isPresent());
    List<String> seen = calls.get();
    seen.forEach(line -> System.out.println("seen: " + line));
    System.out.println("scenario done");
    System.exit(0);
  }
}
