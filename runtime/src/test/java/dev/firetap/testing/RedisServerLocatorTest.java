package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerLocatorTest {
  @TempDir Path directory;

  @Test
  void configuredBinaryThatDoesNotExistIsAnErrorNamingTheVariableAndPath() {
    String missing = directory.resolve("redis-server").toString();
    RedisServerLocator locator = new RedisServerLocator(Map.of("REDIS_SERVER", missing));

    assertThatThrownBy(locator::find)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REDIS_SERVER")
        .hasMessageContaining(missing);
  }

  @Test
  void configuredBinaryIsUsedBeforePath() throws IOException {
    Path configured = executable(Files.createDirectories(directory.resolve("configured")));
    Path onPath = executable(Files.createDirectories(directory.resolve("bin")));
    RedisServerLocator locator =
        new RedisServerLocator(
            Map.of("REDIS_SERVER", configured.toString(), "PATH", onPath.getParent().toString()));

    assertThat(locator.find()).contains(configured);
  }

  @Test
  void findsTheFirstExecutableOnPath() throws IOException {
    Path empty = Files.createDirectories(directory.resolve("empty"));
    Path first = executable(Files.createDirectories(directory.resolve("first")));
    executable(Files.createDirectories(directory.resolve("second")));
    String path = String.join(":", empty.toString(), first.getParent().toString(), "second");
    RedisServerLocator locator = new RedisServerLocator(Map.of("PATH", path));

    assertThat(locator.find()).contains(first);
  }

  @Test
  void findsNothingWhenPathHasNoRedisServer() {
    RedisServerLocator locator = new RedisServerLocator(Map.of("PATH", directory.toString()));

    assertThat(locator.find()).isEmpty();
  }

  @Test
  void installInstructionsNameAptAndBrew() {
    String instructions = new RedisServerLocator(Map.of()).installInstructions();

    assertThat(instructions)
        .contains("apt-get install -y redis-server")
        .contains("brew install redis")
        .contains("REDIS_SERVER=");
  }

  private static Path executable(Path directory) throws IOException {
    Path binary = directory.resolve("redis-server");
    Files.createFile(
        binary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return binary;
  }
}
