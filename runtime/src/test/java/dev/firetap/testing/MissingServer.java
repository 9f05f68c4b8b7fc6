package dev.firetap.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a missing server binary does to a test: on CI (environment variable {@code CI} is
 * {@code true}) it fails, so that a broken CI image cannot pass green; elsewhere the test is
 * aborted and reported as skipped, with the same message.
 */
final class MissingServer {
  private MissingServer() {}

  /**
   * Fails or aborts the current test because {@code what} is missing.
   *
   * @param what the missing binary, e.g. {@code "redis-server"}
   * @param instructions how to install it
   * @param environment the process environment, to read {@code CI}
   * @return never returns normally
   * @throws IllegalStateException when {@code CI} is {@code true}
   * @throws org.opentest4j.TestAbortedException otherwise
   */
  static RuntimeException report(
      String what, String instructions, Map<String, String> environment) {
    String message = message(what, instructions, environment);
    if (isCi(environment)) {
      throw new IllegalStateException(message);
    }
    return Assumptions.abort(message);
  }

  static String message(String what, String instructions, Map<String, String> environment) {
    String consequence =
        isCi(environment)
            ? "CI=true, so this test fails instead of being skipped"
            : "the test is skipped; set CI=true to make this a failure";
    return "%s was not found (%s).%n%s".formatted(what, consequence, instructions);
  }

  private static boolean isCi(Map<String, String> environment) {
    return "true".equalsIgnoreCase(environment.getOrDefault("CI", ""));
  }
}
