package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.annotations.Logged;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application without the Firestore client, nor gax or gRPC, on its class path: the agent
 * installs all the same and logs its {@code @Logged} calls, also those made at once, while the
 * agent's Firetap instance is still starting.
 */
@WithRedis
class NoFirestoreClientIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void logsAnnotatedCallsOfAnApplicationWithoutAFirestoreClient(RedisServer redis)
      throws Exception {
    String classPath = AgentJvm.testClasses() + File.pathSeparator + annotationsJar();
    String arguments =
        "redis.url=" + redis.url() + ",service=greeting,spool.dir=" + work.resolve("spool");

    try (RedisStreams streams = RedisStreams.connect(redis.url());
        AgentJvm app =
            AgentJvm.startOn(classPath, GreetingApp.class, arguments, work.resolve("app.log"))) {
      app.awaitLine("DONE", TIMEOUT);
      await().atMost(TIMEOUT).until(() -> streams.events("firetap:logs:info").size() == 3);

      assertThat(classPath).doesNotContain("google", "grpc");
      assertThat(app.output())
          .contains("[firetap] INFO Firetap agent")
          .doesNotContain(
              "agent not installed", "NoClassDefFoundError", "[firetap] ERROR", "[firetap] WARN");
      List<LogEvent> events =
          streams.events("firetap:logs:info").stream()
              .map(json -> EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8)))
              .toList();
      assertThat(events).extracting(LogEvent::event).containsOnly("greeting");
      assertThat(events)
          .extracting(event -> event.data().toString())
          .satisfiesExactly(
              data -> assertThat(data).contains("name=ada", "visits=1", "hello ada"),
              data -> assertThat(data).contains("name=grace", "hello grace"),
              data -> assertThat(data).contains("name=edsger", "hello edsger"));
    }
  }

  /** Where the application's {@code @Logged} comes from: the annotations jar or class folder. */
  private static String annotationsJar() throws Exception {
    return Path.of(Logged.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }
}
