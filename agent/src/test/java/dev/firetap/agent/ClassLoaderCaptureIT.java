package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithFirestoreEmulator;
import dev.firetap.testing.WithRedis;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications whose Firestore client is not on the system class path, as in a Spring Boot fat jar
 * or an application server: the child JVM's class path holds {@link IsolatingLauncher} alone, which
 * loads each application with its client in a class loader of its own. The agent captures their
 * writes all the same, each client linked to capture code of its own.
 */
@WithRedis
@WithFirestoreEmulator
class ClassLoaderCaptureIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path work;

  @Test
  void capturesEveryKindOfWriteOfAClientInAClassLoaderOfItsOwn(
      RedisServer redis, FirestoreEmulator emulator) throws Exception {
    emulator.reset(WritingApp.PROJECT);

    try (RedisStreams streams = RedisStreams.connect(redis.url());
        AgentJvm app =
            launch(
                redis,
                "one-client",
                AgentJvm.applicationClassPath(),
                WritingApp.class.getName(),
                emulator.hostAndPort(),
                "create",
                "set",
                "update",
                "delete",
                "batch",
                "transaction")) {
      app.awaitLine("DONE", TIMEOUT);
      await().atMost(TIMEOUT).until(() -> streams.length("firetap:cdc:zz_end") == 1);

      assertThat(app.output()).contains("found on java.net.URLClassLoader@");
      assertThat(app.output()).doesNotContain("not captured", "[firetap] ERROR");
      assertThat(changes(streams, "creates"))
          .containsExactly("create creates/c1 null {n=1, name=a} 1/0");
      assertThat(changes(streams, "sets"))
          .containsExactly(
              "create sets/s1 null {a=1, b=x} 1/0", "update sets/s1 {a=1, b=x} {a=2} 1/0");
      assertThat(CapturedChanges.events(streams, "transforms").get(1).after())
          .containsEntry("count", 3L)
          .containsEntry("tags", List.of("x", "z"))
          .containsKey("at")
          .doesNotContainKey("gone");
      assertThat(changes(streams, "deletes"))
          .containsExactly(
              "create deletes/d1 null {a=1} 1/0",
              "delete deletes/d1 {a=1} null 1/0",
              "create deletes/d2 null {a=2} 1/0");
      assertThat(changes(streams, "batches"))
          .containsExactly(
              "create batches/b1 null {i=1} 3/0",
              "create batches/b2 null {i=2} 3/1",
              "create batches/b3 null {i=3} 3/2");
      assertSharedCommit(CapturedChanges.events(streams, "batches"));
      assertThat(changes(streams, "accounts"))
          .containsExactly(
              "create accounts/a1 null {balance=10} 1/0",
              "update accounts/a1 {balance=10} {balance=7} 2/0",
              "create accounts/a2 null {balance=3} 2/1");
      assertSharedCommit(CapturedChanges.events(streams, "accounts").subList(1, 3));
      assertThat(streams.length("firetap:cdc:failedtx")).isZero();
    }
  }

  @Test
  void capturesTwoClientReleasesInTwoClassLoadersOfOneJvm(
      RedisServer redis, FirestoreEmulator emulator) throws Exception {
    emulator.reset(WritingApp.PROJECT);
    String oldest = clientClassPath("firetap.it.oldestClientClasspath");
    String newest = clientClassPath("firetap.it.newestClientClasspath");
    String transfer = TransferApp.class.getName();

    try (RedisStreams streams = RedisStreams.connect(redis.url());
        AgentJvm app =
            launch(
                redis,
                "two-clients",
                oldest,
                transfer,
                emulator.hostAndPort(),
                "oldest_client",
                "--",
                newest,
                transfer,
                emulator.hostAndPort(),
                "newest_client")) {
      app.awaitLine("oldest_client DONE", TIMEOUT);
      app.awaitLine("newest_client DONE", TIMEOUT);
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  streams.length("firetap:cdc:oldest_client") == 4
                      && streams.length("firetap:cdc:newest_client") == 4);

      assertThat(app.lines())
          .contains("oldest_client CLIENT 3.33.4", "newest_client CLIENT 3.47.0")
          .anyMatch(line -> line.startsWith("[firetap] INFO Firestore client 3.33.4 found on"))
          .anyMatch(line -> line.startsWith("[firetap] INFO Firestore client 3.47.0 found on"));
      assertThat(app.output()).doesNotContain("not captured", "[firetap] ERROR");
      for (String collection : List.of("oldest_client", "newest_client")) {
        assertThat(changes(streams, collection))
            .containsExactly(
                "create " + collection + "/from null {balance=10} 1/0",
                "update " + collection + "/from {balance=10} {balance=6} 2/0",
                "create " + collection + "/to null {balance=4} 2/1",
                "delete " + collection + "/to {balance=4} null 1/0");
        assertSharedCommit(CapturedChanges.events(streams, collection).subList(1, 3));
      }
    }
  }

  /**
   * Starts the launcher with the agent; {@code applications} are its arguments: the class path, the
   * main class and the arguments of each application, separated by {@code --}.
   */
  private AgentJvm launch(RedisServer redis, String name, String... applications) throws Exception {
    return AgentJvm.startOn(
        launcherAlone(),
        IsolatingLauncher.class,
        FaultScenario.agentArguments(redis, name, work),
        work.resolve(name + ".log"),
        applications);
  }

  /** A folder that holds the launcher's class file and nothing else. */
  private String launcherAlone() throws Exception {
    String file = IsolatingLauncher.class.getName().replace('.', '/') + ".class";
    Path folder = work.resolve("launcher");
    Path copy = folder.resolve(file);
    Files.createDirectories(copy.getParent());
    try (InputStream in = IsolatingLauncher.class.getClassLoader().getResourceAsStream(file)) {
      Files.copy(in, copy);
    }
    return folder.toString();
  }

  /**
   * The test classes and the client of the class path file named by system property {@code key}.
   */
  private static String clientClassPath(String key) {
    String file = System.getProperty(key);
    assertThat(file).as("system property " + key + " (set by the build)").isNotNull();
    return AgentJvm.testClasses() + File.pathSeparator + AgentJvm.readClassPath(Path.of(file));
  }

  /** Each event as {@code <op> <path> <before> <after> <tx size>/<tx index>}. */
  private static List<String> changes(RedisStreams streams, String collection) {
    List<String> changes = new ArrayList<>();
    for (ChangeEvent event : CapturedChanges.events(streams, collection)) {
      changes.add(
          String.join(
              " ",
              event.op().wireName(),
              event.path(),
              sorted(event.before()),
              sorted(event.after()),
              event.tx().size() + "/" + event.tx().index()));
    }
    return changes;
  }

  private static String sorted(Map<String, Object> fields) {
    return fields == null ? "null" : new TreeMap<>(fields).toString();
  }

  /** The events of one commit share its transaction id and commit time. */
  private static void assertSharedCommit(List<ChangeEvent> events) {
    assertThat(events).extracting(event -> event.tx().id()).containsOnly(events.get(0).tx().id());
    assertThat(events).extracting(ChangeEvent::commitTime).containsOnly(events.get(0).commitTime());
  }
}
