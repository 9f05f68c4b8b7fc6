package dev.firetap.sample.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where the pieces the demo starts are: the agent jar, the application's class path (without
 * Firetap's runtime, as an application run with the agent has) and the worker's (this JVM's).
 *
 * @param agentJar {@code firetap-agent.jar}
 * @param appClassPath the sample app's classes and libraries
 * @param workerClassPath the runtime, the handlers and their libraries
 */
public record DemoLayout(Path agentJar, String appClassPath, String workerClassPath) {
  /** The system property naming the agent jar. */
  public static final String AGENT_PROPERTY = "sample.demo.agent";

  /** The system property naming the sample app's build directory, {@code sample-app/target}. */
  public static final String TARGET_PROPERTY = "sample.demo.target";

  /**
   * The layout of a build: the agent jar and the build directory from the system properties {@link
   * #AGENT_PROPERTY} and {@link #TARGET_PROPERTY}, the worker on this JVM's class path.
   *
   * @throws IllegalStateException when a property is missing or names nothing built
   */
  public static DemoLayout ofBuild() throws IOException {
    Path agent = Path.of(required(AGENT_PROPERTY));
    Path target = Path.of(required(TARGET_PROPERTY));
    Path appLibraries = target.resolve("app-classpath.txt");
    for (Path built : new Path[] {agent, appLibraries, target.resolve("classes")}) {
      if (!Files.exists(built)) {
        throw new IllegalStateException(
            built + " does not exist: build it first (mvn -pl agent,sample-app -am package)");
      }
    }
    String appClassPath =
        target.resolve("classes")
            + File.pathSeparator
            + Files.readString(appLibraries, StandardCharsets.UTF_8).strip();
    return new DemoLayout(
        agent.toAbsolutePath(),
        absolute(appClassPath),
        absolute(System.getProperty("java.class.path")));
  }

  /** The class path with every entry absolute: the processes run in the demo's work directory. */
  private static String absolute(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " must name a path of the build, got none");
    }
    return value;
  }
}
