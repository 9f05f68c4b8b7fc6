package dev.firetap.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Finds the {@code redis-server} binary: the {@code REDIS_SERVER} variable first, then PATH. */
public final class RedisServerLocator {
  /** Environment variable holding the path of the {@code redis-server} binary to use. */
  public static final String ENVIRONMENT_VARIABLE = "REDIS_SERVER";

  private static final String BINARY = "redis-server";

  private final Map<String, String> environment;

  /** A locator that reads the environment of this JVM. */
  public RedisServerLocator() {
    this(System.getenv());
  }

  RedisServerLocator(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The {@code redis-server} to run, or empty when none is installed.
   *
   * @throws IllegalStateException when {@code REDIS_SERVER} is set but names no executable file
   */
  public Optional<Path> find() {
    String configured = environment.get(ENVIRONMENT_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(checkConfigured(Path.of(configured)));
    }
    return Arrays.stream(environment.getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(directory -> !directory.isBlank())
        .map(directory -> Path.of(directory, BINARY))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The {@code redis-server} to run.
   *
   * @throws IllegalStateException when none is installed and {@code CI} is {@code true}, or when
   *     {@code REDIS_SERVER} names no executable file
   * @throws org.opentest4j.TestAbortedException when none is installed outside CI
   */
  public Path require() {
    return find()
        .orElseThrow(() -> MissingServer.report(BINARY, installInstructions(), environment));
  }

  /** How to install {@code redis-server} or point the rig at one. */
  public String installInstructions() {
    return String.join(
        "\n",
        "Install redis-server in one of these ways:",
        "  Debian/Ubuntu: apt-get install -y redis-server",
        "  macOS:         brew install redis",
        "  or set " + ENVIRONMENT_VARIABLE + "=/path/to/redis-server");
  }

  private Path checkConfigured(Path binary) {
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "%s must name an executable redis-server, got '%s', which %s"
              .formatted(
                  ENVIRONMENT_VARIABLE,
                  binary,
                  Files.exists(binary) ? "is not an executable file" : "does not exist"));
    }
    return binary;
  }
}
