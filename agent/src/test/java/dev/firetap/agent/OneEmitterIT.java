package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.EventCodec;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application that has the runtime on its class path and starts Firetap next to the agent. */
class OneEmitterIT {
  @TempDir Path work;

  @Test
  void theApplicationsInstanceSharesTheAgentsEmitter() throws Exception {
    try (RedisServer redis = RedisServer.start();
        FirestoreEmulator emulator = FirestoreEmulator.start();
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Path output = work.resolve("app.log");
      String spool = work.resolve("spool").toString();

      Process app =
          AgentJvm.launch(
              RuntimeUsingApp.class,
              "redis.url=" + redis.url() + ",spool.dir=" + spool,
              runtimeClassPath(),
              output,
              emulator.hostAndPort(),
              redis.url(),
              spool);
      assertThat(app.waitFor(90, TimeUnit.SECONDS)).isTrue();

      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      String log = String.join("\n", lines);
      assertThat(app.exitValue()).as(log).isZero();
      assertThat(lines).as(log).contains("SAME EMITTER true", "APP EXITS");
      assertThat(log).doesNotContain("SpoolLockedException", "ERROR");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> streams.events("firetap:cdc:orders").size() == 1);
      List<String> logs = streams.events("firetap:logs:info");
      assertThat(logs).as(log).hasSize(1);
      assertThat(EventCodec.decodeLog(logs.get(0).getBytes(StandardCharsets.UTF_8)).service())
          .isEqualTo("shop");
    }
  }

  /** The runtime and its libraries, as an application that depends on firetap-runtime has them. */
  private static String runtimeClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !AgentJvm.applicationClassPath().contains(entry))
        .filter(entry -> !entry.contains("/agent/target/") && !entry.contains("test-classes"))
        .filter(entry -> !entry.contains("-tests.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
