package dev.firetap.it.aspectj;

/**
 * Runs the {@link InvalidExpressionScenario} in a JVM of its own with woven classes, as {@link
 * ScenarioMain} runs the {@link Scenario}: the same arguments and output.
 */
public final class InvalidExpressionMain {
  private InvalidExpressionMain() {}

  /** Starts Firetap, makes the calls, delivers the events and stops. */
  public static void main(String[] args) {
    ScenarioMain.run(args, InvalidExpressionScenario::run, InvalidExpressionScenario.EVENTS_WOVEN);
  }
}
