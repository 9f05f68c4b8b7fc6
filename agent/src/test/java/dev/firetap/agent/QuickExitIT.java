package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write made just before the application exits still becomes a change event. */
class QuickExitIT {

  @TempDir Path work;

  @Test
  void capturesTheLastWriteOfAnApplicationThatExitsRightAfterIt() throws Exception {
    try (RedisServer redis = RedisServer.start();
        FirestoreEmulator emulator = FirestoreEmulator.start();
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Path output = work.resolve("app.log");

      Process app =
          AgentJvm.launch(
              QuickExitApp.class,
              "redis.url=" + redis.url() + ",spool.dir=" + work.resolve("spool"),
              "",
              output,
              emulator.hostAndPort());
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();

      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      assertThat(app.exitValue()).as(String.join("\n", lines)).isZero();
      assertThat(lines).contains("APP EXITS");
      List<String> events = streams.events("firetap:cdc:quick");
      assertThat(events).as(String.join("\n", lines)).hasSize(1);
      ChangeEvent event = EventCodec.decodeChange(events.get(0).getBytes(StandardCharsets.UTF_8));
      assertThat(event.path()).isEqualTo("quick/q1");
      assertThat(event.after()).containsEntry("ok", true);
    }
  }
}
