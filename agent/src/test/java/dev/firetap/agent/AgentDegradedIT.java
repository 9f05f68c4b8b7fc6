package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithFirestoreEmulator;
import dev.firetap.testing.WithRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in a degraded or unusual setting: Redis down, a bad argument, snapshots off. The
 * application's writes must succeed in every case.
 */
@WithRedis
@WithFirestoreEmulator
class AgentDegradedIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path work;

  @Test
  void spoolsTheEventsAndLetsWritesSucceedWhileRedisIsDown(
      RedisServer redis, FirestoreEmulator emulator) throws Exception {
    redis.stop();
    Path spool = work.resolve("spool");
    String arguments =
        "redis.url=" + redis.url() + ",redis.timeout=200ms,spool.dir=" + spool + ",service=down";

    try (AgentJvm app = start(arguments, emulator, "create", "batch")) {
      app.awaitLine("DONE", TIMEOUT);

      assertThat(app.outcome("create")).startsWith("OK");
      assertThat(app.outcome("batch")).isEqualTo("OK 3");
      await().atMost(TIMEOUT).until(() -> spooledBytes(spool) > 0);
    }
  }

  @Test
  void printsOneLineForABadArgumentAndRunsTheApplication(FirestoreEmulator emulator)
      throws Exception {
    try (AgentJvm app = start("batch.size=lots", emulator, "create")) {
      app.awaitLine("DONE", TIMEOUT);

      assertThat(app.lines())
          .filteredOn(line -> line.startsWith("[firetap]"))
          .containsExactly(
              "[firetap] agent not installed, the application runs without Firetap:"
                  + " firetap.batch.size must be a whole number from 1 to 10000, got 'lots'"
                  + " (from agent argument)");
      assertThat(app.outcome("create")).startsWith("OK");
    }
  }

  @Test
  void takesImagesFromTheRequestWithoutSnapshots(RedisServer redis, FirestoreEmulator emulator)
      throws Exception {
    String arguments =
        "redis.url=" + redis.url() + ",spool.dir=" + work.resolve("spool") + ",cdc.snapshots=none";

    try (AgentJvm app = start(arguments, emulator, "create", "update", "delete");
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      app.awaitLine("DONE", TIMEOUT);
      await().atMost(TIMEOUT).until(() -> streams.length("firetap:cdc:zz_end") == 1);

      ChangeEvent create = events(streams, "creates").get(0);
      assertThat(create.op()).isEqualTo(Operation.CREATE);
      assertThat(create.after()).isEqualTo(Map.of("name", "a", "n", 1L));
      ChangeEvent update = events(streams, "transforms").get(1);
      assertThat(update.op()).isEqualTo(Operation.UPDATE);
      assertThat(update.before()).isEmpty();
      assertThat(update.after()).containsEntry("count", 3L).containsKey("at");
      ChangeEvent delete = events(streams, "deletes").get(1);
      assertThat(delete.op()).isEqualTo(Operation.DELETE);
      assertThat(delete.before()).isEmpty();
      assertThat(delete.after()).isNull();
    }
  }

  private AgentJvm start(String arguments, FirestoreEmulator emulator, String... scenarios)
      throws IOException {
    emulator.reset(WritingApp.PROJECT);
    return AgentJvm.start(arguments, emulator.hostAndPort(), work.resolve("app.log"), scenarios);
  }

  private static List<ChangeEvent> events(RedisStreams streams, String collection) {
    return streams.events("firetap:cdc:" + collection).stream()
        .map(json -> EventCodec.decodeChange(json.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  private static long spooledBytes(Path spool) {
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(spool)) {
      return files.filter(Files::isRegularFile).mapToLong(AgentDegradedIT::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
