package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.redis.StreamKeys;
import dev.firetap.testing.ClusterStreams;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in a child JVM against a real Redis Cluster of three masters with a replica each, given
 * as a {@code redis-cluster://} URL of every node in the agent arguments, with three change streams
 * per collection: the shaded Lettuce cluster client must find the masters and every write must land
 * on its document's shard stream.
 */
class ClusterCaptureIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(40);
  private static final StreamKeys KEYS = new StreamKeys("firetap", true, 3);
  private static final int WRITES = WritingApp.PARCELS * WritingApp.PARCEL_WRITES;

  @TempDir static Path work;

  private static RedisCluster cluster;
  private static FirestoreEmulator emulator;
  private static AgentJvm app;
  private static ClusterStreams streams;

  @BeforeAll
  static void runTheApplicationWithTheAgent() throws Exception {
    cluster = RedisCluster.start();
    emulator = FirestoreEmulator.start();
    streams = ClusterStreams.connect(cluster);
    String arguments =
        "redis.url="
            + cluster.url()
            + ",cdc.shards=3,spool.dir="
            + work.resolve("spool")
            + ",service=sharded-app";
    app = AgentJvm.start(arguments, emulator.hostAndPort(), work.resolve("app.log"), "sharded");
    app.awaitLine("DONE", TIMEOUT);
    // Each master gets its own batches, so the last write's event may land before others.
    String end = KEYS.changeStream("zz_end", "zz_end/done");
    await().atMost(TIMEOUT).until(() -> streams.length(end) == 1 && parcelEvents() >= WRITES);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.closeKeepingOutput("sharded-app.log");
    }
    if (streams != null) {
      streams.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void logsTheClusterItSendsTo() throws Exception {
    assertThat(app.lines())
        .filteredOn(line -> line.contains("Firetap agent"))
        .singleElement()
        .asString()
        .contains("Redis " + cluster.url() + ",");
  }

  @Test
  void everyWriteHasOneEventOnItsDocumentsShardInCommitOrder() throws Exception {
    for (int parcel = 0; parcel < WritingApp.PARCELS; parcel++) {
      String path = "parcels/p" + parcel;
      List<ChangeEvent> events = eventsOf(path, KEYS.changeStream("parcels", path));

      assertThat(events).as(path).hasSize(WritingApp.PARCEL_WRITES);
      assertThat(events.get(0).op()).isEqualTo(Operation.CREATE);
      assertThat(events.get(0).before()).isNull();
      for (int n = 1; n <= WritingApp.PARCEL_WRITES; n++) {
        assertThat(app.outcome("parcel-p" + parcel + "-" + n)).startsWith("OK ");
        assertThat(events.get(n - 1).after())
            .as(path + " write " + n)
            .isEqualTo(Map.of("n", (long) n));
      }
      for (int i = 1; i < events.size(); i++) {
        assertThat(events.get(i).op()).isEqualTo(Operation.UPDATE);
        assertThat(events.get(i).before()).isEqualTo(events.get(i - 1).after());
        assertThat(events.get(i).commitTime()).isAfter(events.get(i - 1).commitTime());
      }
    }
  }

  @Test
  void noDocumentHasEventsOnAnotherShard() {
    List<String> paths = new ArrayList<>();
    for (String stream : KEYS.changeStreams("parcels")) {
      for (ChangeEvent event : events(stream)) {
        assertThat(KEYS.changeStream("parcels", event.path())).isEqualTo(stream);
        paths.add(event.path());
      }
    }

    assertThat(paths).hasSize(WRITES);
  }

  @Test
  void theDocumentsShardsAreSpreadOverMoreThanOneMaster() {
    List<String> used =
        KEYS.changeStreams("parcels").stream()
            .filter(stream -> streams.length(stream) > 0)
            .toList();

    assertThat(used).hasSize(3);
    assertThat(used.stream().map(cluster::masterPortOf).distinct().count()).isGreaterThan(1);
  }

  @Test
  void nothingGoesToTheUnshardedStream() {
    assertThat(streams.length("firetap:cdc:parcels")).isZero();
    assertThat(streams.length("firetap:cdc:zz_end")).isZero();
  }

  private static long parcelEvents() {
    return KEYS.changeStreams("parcels").stream().mapToLong(streams::length).sum();
  }

  private static List<ChangeEvent> eventsOf(String path, String stream) {
    return events(stream).stream().filter(event -> event.path().equals(path)).toList();
  }

  private static List<ChangeEvent> events(String stream) {
    return streams.events(stream).stream()
        .map(json -> EventCodec.decodeChange(json.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }
}
