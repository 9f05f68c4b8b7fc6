package dev.firetap.benchmarks.agent;

/**
 * The application whose start the agent benchmark times: it prints {@code main} as the first thing
 * its {@code main} does, and exits.
 */
public final class StartupApp {
  private StartupApp() {}

  public static void main(String[] args) {
    System.out.println("main");
  }
}
