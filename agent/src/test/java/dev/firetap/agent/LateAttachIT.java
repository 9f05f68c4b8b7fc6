package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.tools.attach.VirtualMachine;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent attached to a running application (agentmain), its Firestore classes loaded already.
 */
class LateAttachIT {
  @TempDir Path work;

  @Test
  void capturesWritesMadeAfterTheAgentWasAttached() throws Exception {
    try (RedisServer redis = RedisServer.start();
        FirestoreEmulator emulator = FirestoreEmulator.start();
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Path output = work.resolve("app.log");
      Process app =
          new ProcessBuilder(
                  AgentJvm.applicationJava(),
                  "-Xmx256m",
                  "-cp",
                  AgentJvm.applicationClassPath(),
                  LateAttachApp.class.getName(),
                  emulator.hostAndPort())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      try {
        awaitLine(output, "READY");

        VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
        try {
          vm.loadAgent(
              AgentJvm.agentJar().toString(),
              "redis.url=" + redis.url() + ",spool.dir=" + work.resolve("spool"));
        } finally {
          vm.detach();
        }
        send(app, "GO");

        awaitLine(output, "WROTE");
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> streams.events("firetap:cdc:late").size() == 1);
        ChangeEvent event =
            EventCodec.decodeChange(
                streams.events("firetap:cdc:late").get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(event.path()).isEqualTo("late/l1");
        assertThat(event.after()).containsEntry("seen", true);
        assertThat(streams.events("firetap:cdc:early")).isEmpty();
      } finally {
        app.destroyForcibly();
      }
    }
  }

  private static void awaitLine(Path output, String line) {
    await().atMost(Duration.ofSeconds(60)).until(() -> lines(output).contains(line));
  }

  private static List<String> lines(Path output) throws IOException {
    return Files.readAllLines(output, StandardCharsets.UTF_8);
  }

  private static void send(Process app, String line) throws IOException {
    OutputStream input = app.getOutputStream();
    input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    input.flush();
  }
}
