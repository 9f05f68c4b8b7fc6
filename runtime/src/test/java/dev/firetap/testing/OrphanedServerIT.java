package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrphanedServerIT {
  private static final Duration PING_TIMEOUT = Duration.ofMillis(250);

  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void serverDiesSoonAfterItsJvmIsKilled() throws IOException {
    child = startChild("wait");
    int port = readPort(child);
    assertThat(RedisSocket.answersPing(port, PING_TIMEOUT)).isTrue();

    child.destroyForcibly();

    await().atMost(Duration.ofSeconds(5)).until(() -> !RedisSocket.answersPing(port, PING_TIMEOUT));
  }

  @Test
  void serverIsGoneWhenItsJvmExitsWithoutStoppingIt() throws Exception {
    child = startChild("exit");
    int port = readPort(child);

    boolean exited = child.waitFor(30, TimeUnit.SECONDS);

    assertThat(exited).isTrue();
    assertThat(RedisSocket.answersPing(port, PING_TIMEOUT)).isFalse();
  }

  private static Process startChild(String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ChildJvmWithRedis.class.getName(),
            mode)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int readPort(Process process) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = output.readLine();
    assertThat(line).as("port printed by the child JVM").isNotNull().containsPattern("^\\d+$");
    return Integer.parseInt(line);
  }
}
