package dev.firetap.sample.demo;

import java.util.List;

/**
 * How hard the demo runs: {@code ./firetap demo} a few hundred orders and games from four clients,
 * {@code ./firetap demo --load} ten times as many from sixteen.
 *
 * @param size the traffic plan's size
 * @param clients how many requests run at once
 * @param declineRatio the share of payments the gateway declines besides test cards
 */
public record DemoOptions(TrafficPlan.Size size, int clients, double declineRatio) {
  /** The seed of the traffic plan: every run sends the same requests. */
  public static final long SEED = 20_261_203L;

  /**
   * The options the arguments ask for.
   *
   * @throws IllegalArgumentException for anything but no argument or {@code --load}
   */
  public static DemoOptions parse(List<String> args) {
    if (args.isEmpty()) {
      return new DemoOptions(new TrafficPlan.Size(40, 300, 400, 60), 4, 0.03);
    }
    if (args.equals(List.of("--load"))) {
      return new DemoOptions(new TrafficPlan.Size(200, 3_000, 4_000, 600), 16, 0.03);
    }
    throw new IllegalArgumentException("demo takes --load or no argument, got " + args);
  }

  /**
   * The worker's handler options, as {@code --set} takes them: one thread per handler, so that the
   * Firestore transactions of one handler never contend with each other; three attempts, so that a
   * rejected SMS reaches the dead-letter stream within a second.
   */
  public List<String> workerOptions() {
    return List.of("startFrom=beginning", "maxAttempts=3", "initialBackoff=100ms", "maxBackoff=1s");
  }
}
