package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.event.Timestamps;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unchanged application writes to the Firestore emulator in a child JVM with the agent attached;
 * every write must arrive on Redis as the change events of docs/events.md. One child runs every
 * scenario once; each test checks the stream of the collections its scenario wrote.
 */
class FirestoreCaptureIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path work;

  private static RedisServer redis;
  private static FirestoreEmulator emulator;
  private static AgentJvm app;
  private static RedisStreams streams;

  @BeforeAll
  static void runTheApplicationWithTheAgent() throws Exception {
    redis = RedisServer.start();
    emulator = FirestoreEmulator.start();
    streams = RedisStreams.connect(redis.url());
    String arguments =
        "redis.url="
            + redis.url()
            + ",spool.dir="
            + work.resolve("spool")
            + ",service=writing-app,cdc.exclude=ignored*";
    app =
        AgentJvm.start(
            arguments,
            emulator.hostAndPort(),
            work.resolve("app.log"),
            "create",
            "set",
            "update",
            "delete",
            "add",
            "nested",
            "batch",
            "transaction",
            "bulk",
            "recursive",
            "noop",
            "values",
            "own",
            "excluded");
    app.awaitLine("DONE", TIMEOUT);
    // Capture is one ordered pipeline: once the last write's event is in Redis, all are.
    await().atMost(TIMEOUT).until(() -> streams.length("firetap:cdc:zz_end") == 1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.closeKeepingOutput("writing-app.log");
    }
    if (streams != null) {
      streams.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void runsTheApplicationOnTheJavaVersionTheBuildAskedFor() throws Exception {
    String expected =
        Files.readAllLines(
                Path.of(AgentJvm.applicationJava()).getParent().getParent().resolve("release"))
            .stream()
            .filter(line -> line.startsWith("JAVA_VERSION="))
            .map(line -> line.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1"))
            .findFirst()
            .orElseThrow();

    assertThat(app.lines()).contains("java.specification.version=" + expected);
  }

  @Test
  void logsOneInfoLineNamingVersionRedisClientAndMode() throws Exception {
    List<String> installed =
        app.lines().stream().filter(line -> line.contains("Firetap agent")).toList();

    assertThat(installed).hasSize(1);
    assertThat(installed.get(0))
        .startsWith("[firetap] INFO Firetap agent ")
        .contains("Redis " + redis.url().replace("redis://", "redis://"))
        .contains("Firestore client " + System.getProperty("firetap.it.firestoreVersion", "3."))
        .endsWith("snapshots exact");
  }

  @Test
  void createEmitsACreateAndAFailedCreateNothing() throws Exception {
    List<ChangeEvent> events = events("creates");

    assertThat(events).hasSize(1);
    ChangeEvent event = events.get(0);
    assertThat(event.op()).isEqualTo(Operation.CREATE);
    assertThat(event.path()).isEqualTo("creates/c1");
    assertThat(event.collection()).isEqualTo("creates");
    assertThat(event.documentId()).isEqualTo("c1");
    assertThat(event.before()).isNull();
    assertThat(event.after()).isEqualTo(Map.of("name", "a", "n", 1L));
    assertThat(event.changedFields()).containsExactly("n", "name");
    assertThat(event.tx().id()).isEqualTo(event.id());
    assertThat(event.tx().size()).isEqualTo(1);
    assertThat(event.source().service()).isEqualTo("writing-app");
    assertThat(event.userId()).isNull();
    assertThat(app.outcome("create-again")).contains("ALREADY_EXISTS");
  }

  @Test
  void plainSetReplacesTheDocument() throws Exception {
    List<ChangeEvent> events = events("sets");

    assertThat(events)
        .extracting(ChangeEvent::op)
        .containsExactly(Operation.CREATE, Operation.UPDATE);
    ChangeEvent replace = events.get(1);
    assertThat(replace.before()).isEqualTo(Map.of("a", 1L, "b", "x"));
    assertThat(replace.after()).isEqualTo(Map.of("a", 2L));
    assertThat(replace.changedFields()).containsExactly("a", "b");
    assertThat(replace.commitTime()).isAfter(events.get(0).commitTime());
  }

  @Test
  void mergeSetKeepsTheOtherFields() throws Exception {
    ChangeEvent merge = events("merges").get(1);

    assertThat(merge.op()).isEqualTo(Operation.UPDATE);
    assertThat(merge.before()).isEqualTo(Map.of("a", 1L, "b", 1L));
    assertThat(merge.after()).isEqualTo(Map.of("a", 1L, "b", 2L, "c", 3L));
    assertThat(merge.changedFields()).containsExactly("b", "c");
  }

  @Test
  void updateWithTransformsShowsTheirResults() throws Exception {
    List<ChangeEvent> events = events("transforms");
    ChangeEvent update = events.get(1);

    assertThat(update.op()).isEqualTo(Operation.UPDATE);
    assertThat(update.before()).isEqualTo(Map.of("count", 1L, "tags", List.of("x"), "gone", "y"));
    assertThat(update.after())
        .containsEntry("count", 3L)
        .containsEntry("tags", List.of("x", "z"))
        .doesNotContainKey("gone");
    // The emulator stamps the time it received the write, a little before the commit time.
    assertThat(Timestamps.parse((String) update.after().get("at")))
        .isAfter(events.get(0).commitTime())
        .isBeforeOrEqualTo(update.commitTime());
    assertThat(update.changedFields()).containsExactly("at", "count", "gone", "tags");
  }

  @Test
  void deleteEmitsTheFormerFieldsAndAFailedPreconditionNothing() throws Exception {
    List<ChangeEvent> events = events("deletes");

    assertThat(events)
        .extracting(ChangeEvent::op, ChangeEvent::path)
        .containsExactly(
            tuple(Operation.CREATE, "deletes/d1"),
            tuple(Operation.DELETE, "deletes/d1"),
            tuple(Operation.CREATE, "deletes/d2"));
    assertThat(events.get(1).before()).isEqualTo(Map.of("a", 1L));
    assertThat(events.get(1).after()).isNull();
    assertThat(app.outcome("delete-precondition")).contains("FAILED_PRECONDITION");
  }

  @Test
  void collectionAddIsACreateWithTheGeneratedId() throws Exception {
    List<ChangeEvent> events = events("adds");

    String generatedId = app.outcome("add").substring("OK ".length());
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.op()).isEqualTo(Operation.CREATE);
              assertThat(event.documentId()).isEqualTo(generatedId);
              assertThat(event.after()).isEqualTo(Map.of("x", 1L));
            });
  }

  @Test
  void subcollectionDocumentGoesToTheStreamOfItsCollectionId() throws Exception {
    ChangeEvent event = events("orders").get(0);

    assertThat(event.path()).isEqualTo("users/u1/orders/o9");
    assertThat(event.collection()).isEqualTo("orders");
  }

  @Test
  void batchOfThreeSharesOneTransaction() throws Exception {
    List<ChangeEvent> events = events("batches");

    assertThat(events).hasSize(3);
    assertThat(events).extracting(event -> event.tx().id()).containsOnly(events.get(0).tx().id());
    assertThat(events).extracting(event -> event.tx().size()).containsOnly(3);
    assertThat(events).extracting(event -> event.tx().index()).containsExactly(0, 1, 2);
    assertThat(events)
        .extracting(ChangeEvent::path)
        .containsExactly("batches/b1", "batches/b2", "batches/b3");
    assertThat(events).extracting(ChangeEvent::commitTime).containsOnly(events.get(0).commitTime());
  }

  @Test
  void transactionEmitsItsWritesOnceAndAFailedOneNothing() throws Exception {
    List<ChangeEvent> events = events("accounts");

    assertThat(events).hasSize(3);
    ChangeEvent debit = events.get(1);
    ChangeEvent credit = events.get(2);
    assertThat(debit.before()).isEqualTo(Map.of("balance", 10L));
    assertThat(debit.after()).isEqualTo(Map.of("balance", 7L));
    assertThat(credit.op()).isEqualTo(Operation.CREATE);
    assertThat(debit.tx().id()).isEqualTo(credit.tx().id()).isNotEqualTo(debit.id());
    assertThat(List.of(debit.tx().index(), credit.tx().index())).containsExactly(0, 1);
    assertThat(credit.tx().size()).isEqualTo(2);
    assertThat(app.outcome("transaction")).isEqualTo("OK 7");
    assertThat(app.outcome("transaction-throws"))
        .isEqualTo("FAILED java.lang.IllegalStateException: refused by the application");
    assertThat(streams.length("firetap:cdc:failedtx")).isZero();
  }

  @Test
  void bulkWriterEmitsOneEventPerWrite() throws Exception {
    List<ChangeEvent> events = events("bulk");

    assertThat(events)
        .extracting(ChangeEvent::path)
        .containsExactlyInAnyOrder("bulk/k1", "bulk/k2", "bulk/k3");
    assertThat(events).extracting(ChangeEvent::op).containsOnly(Operation.CREATE);
    assertThat(events).extracting(event -> event.tx().size()).containsOnly(1);
  }

  @Test
  void recursiveDeleteEmitsADeletePerDocument() throws Exception {
    ChangeEvent tree = events("trees").get(1);
    ChangeEvent leaf = events("leaves").get(1);

    assertThat(tree.op()).isEqualTo(Operation.DELETE);
    assertThat(tree.before()).isEqualTo(Map.of("a", 1L));
    assertThat(leaf.op()).isEqualTo(Operation.DELETE);
    assertThat(leaf.path()).isEqualTo("trees/t1/leaves/l1");
  }

  @Test
  void noOpSetEmitsNothing() throws Exception {
    assertThat(events("noops")).extracting(ChangeEvent::op).containsExactly(Operation.CREATE);
  }

  @Test
  void everyValueTypeIsMappedAsTheContractSays() throws Exception {
    Map<String, Object> after = events("values").get(0).after();

    assertThat(after)
        .containsEntry("string", "text")
        .containsEntry("boolean", true)
        .containsEntry("integer", 42L)
        .containsEntry("double", 1.5)
        .containsEntry("null", null)
        .containsEntry("map", Map.of("inner", "v"))
        .containsEntry("array", List.of(1L, "two"))
        .containsEntry("timestamp", "2023-11-14T22:13:20.123456Z")
        .containsEntry("geo", Map.of("latitude", 48.8566, "longitude", 2.3522))
        .containsEntry("reference", "users/u1")
        .containsEntry("bytes", "AQID")
        .hasSize(11);
  }

  @Test
  void writesToFiretapsOwnAndExcludedCollectionsEmitNothing() {
    assertThat(streams.length("firetap:cdc:firetap_errors")).isZero();
    assertThat(streams.length("firetap:cdc:ignored_things")).isZero();
  }

  private static List<ChangeEvent> events(String collection) {
    return CapturedChanges.events(streams, collection);
  }
}
