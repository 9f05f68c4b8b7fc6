package dev.firetap.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** The built agent jar, which the benchmarks attach to child JVMs. */
public final class AgentJar {
  /** The jar, relative to the project root, where {@code ./firetap bench} runs. */
  public static final String PATH = "agent/target/firetap-agent.jar";

  private AgentJar() {}

  /**
   * The {@code -javaagent:} option with {@code arguments} ({@code name=value} pairs separated by
   * ','; empty for none).
   *
   * @throws IllegalStateException when the jar has not been built
   */
  public static String option(String arguments) {
    require();
    return "-javaagent:" + PATH + (arguments.isEmpty() ? "" : "=" + arguments);
  }

  /**
   * Checks that the jar is there.
   *
   * @throws IllegalStateException when it is not
   */
  public static void require() {
    if (!Files.isRegularFile(Path.of(PATH))) {
      throw new IllegalStateException(
          PATH
              + " not found: run from the project root after building the agent"
              + " (./firetap bench does both)");
    }
  }
}
