package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with its own older Lettuce 6, Netty 4.1, Reactor and Jackson runs unchanged with
 * the agent, whose shaded copies never meet them, and its writes are still captured.
 */
class ClashingLibrariesIT {

  @TempDir Path work;

  @Test
  void anApplicationWithOlderLettuceNettyAndJacksonRunsAndIsCaptured() throws Exception {
    try (RedisServer redis = RedisServer.start();
        FirestoreEmulator emulator = FirestoreEmulator.start();
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Path output = work.resolve("app.log");
      Process app = start(redis, emulator, output);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> streams.length("firetap:cdc:clash") == 1 || !app.isAlive());
      app.getOutputStream().close();
      int exit = awaitExit(app);
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(exit).as(String.join("\n", lines)).isZero();
      assertThat(lines)
          .contains("redis says app value", "jackson wrote {\"app\":\"json\"}", "APP OK")
          .anyMatch(line -> line.startsWith("lettuce from") && line.contains("6.5.5.RELEASE"))
          .anyMatch(line -> line.startsWith("netty from") && line.contains("4.1.118.Final"))
          .anyMatch(line -> line.startsWith("jackson from") && line.contains("2.17.2"));
      assertThat(streams.length("firetap:cdc:clash")).as(String.join("\n", lines)).isEqualTo(1);
      ChangeEvent event =
          EventCodec.decodeChange(
              streams.events("firetap:cdc:clash").get(0).getBytes(StandardCharsets.UTF_8));
      assertThat(event.op()).isEqualTo(Operation.CREATE);
      assertThat(event.path()).isEqualTo("clash/c1");
    }
  }

  private Process start(RedisServer redis, FirestoreEmulator emulator, Path output)
      throws Exception {
    return AgentJvm.launch(
        ClashingApp.class,
        "redis.url=" + redis.url() + ",spool.dir=" + work.resolve("spool"),
        clashingLibraries(),
        output,
        emulator.hostAndPort(),
        redis.url());
  }

  private static int awaitExit(Process process) throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not exit within 30 s");
    }
    return process.exitValue();
  }

  private static String clashingLibraries() throws IOException {
    Path folder = Path.of(System.getProperty("clashingLibraries"));
    try (Stream<Path> jars = Files.list(folder)) {
      return jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
    }
  }
}
