package dev.firetap.it.aspectj;

/**
 * Runs the {@link InvalidExpressionScenario} in a JVM started with the Firetap agent, as {@link
 * AgentScenarioMain} runs the {@link Scenario}: the same output.
 */
public final class InvalidExpressionAgentMain {
  private InvalidExpressionAgentMain() {}

  /** Waits for the agent's Firetap instance, makes the calls and exits. */
  public static void main(String[] args) {
    AgentScenarioMain.run(InvalidExpressionScenario::run);
  }
}
