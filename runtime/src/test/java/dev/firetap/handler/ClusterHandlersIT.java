package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Operation;
import dev.firetap.log.LogStats;
import dev.firetap.redis.StreamKeys;
import dev.firetap.testing.ClusterStreams;
import dev.firetap.testing.RedisCluster;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedisCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emitter and handlers on a real six-node Redis Cluster: sharded change streams spread over the
 * masters, two workers sharing a handler, and a master killed mid-run.
 */
@WithRedisCluster
class ClusterHandlersIT {
  private static final Logger log = LoggerFactory.getLogger(ClusterHandlersIT.class);
  private static final Set<Operation> ALL_OPS = Set.of(Operation.values());
  private static final int SHARDS = 6;
  private static final int DOCUMENTS = 40;

  @TempDir Path spool;

  @Test
  void shardedEventsReachTwoWorkersOnceEachInDocumentOrder(RedisCluster cluster) {
    FiretapConfig config = config(cluster, "0");
    HandledChanges handled = new HandledChanges();

    List<String> shardStreams = new StreamKeys("firetap", true, SHARDS).changeStreams("orders");
    try (HandlerRuntime first = handled.startWorker(config, "first");
        HandlerRuntime second = handled.startWorker(config, "second");
        Firetap firetap = Firetap.start(config);
        ClusterStreams leases = ClusterStreams.connect(cluster)) {
      // The first worker may take every shard before the second starts; it gives some up soon.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> leases.leaseOwners(shardStreams, "audit") == 2);
      emit(firetap, 1, 25);
      firetap.logs().info("cluster.checked", Map.of("documents", DOCUMENTS));
      assertThat(firetap.emitter().flush(Duration.ofSeconds(20))).isTrue();

      await().atMost(Duration.ofSeconds(30)).until(() -> handled.distinct() == DOCUMENTS * 25);
      LogStats today = firetap.logs().stats(LocalDate.now(ZoneOffset.UTC));

      assertThat(handled.firstOutOfOrder()).isEmpty();
      assertThat(handled.workers()).containsExactlyInAnyOrder("first", "second");
      assertThat(today.info()).isEqualTo(1);
      assertThat(today.total()).isEqualTo(1);
      assertThat(first.lag()).hasSize(SHARDS);
    }
    assertThat(shardStreams.stream().map(cluster::masterPortOf).distinct().count()).isEqualTo(3);
    try (ClusterStreams redis = ClusterStreams.connect(cluster)) {
      assertThat(shardStreams).allSatisfy(stream -> assertThat(redis.length(stream)).isPositive());
    }
  }

  @Test
  void deadLettersOfEveryShardAreListedAndReplayedAndLagCoversEveryShard(RedisCluster cluster) {
    FiretapConfig config = config(cluster, "0");
    Set<String> failing = ConcurrentHashMap.newKeySet();
    HandledChanges handled = new HandledChanges();
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(config)
            .onChange(
                "picky",
                "orders",
                ALL_OPS,
                (event, delivery) -> {
                  if (failing.contains(event.documentId())) {
                    throw new IllegalStateException("refused " + event.documentId());
                  }
                  handled.add("only", event);
                })
            .options("picky", TestEvents.quick().withMaxAttempts(1));
    for (int document = 0; document < DOCUMENTS; document++) {
      failing.add("d" + document);
    }

    try (HandlerRuntime runtime = builder.start();
        HandlerAdmin admin = HandlerAdmin.connect(config);
        Firetap firetap = Firetap.start(config)) {
      emit(firetap, 1, 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> admin.deadLetters("picky").size() == 40);
      List<String> letterStreams =
          admin.deadLetters("picky").stream().map(DeadLetter::stream).distinct().toList();
      failing.clear();
      int replayed = admin.replayAll("picky");
      await().atMost(Duration.ofSeconds(20)).until(() -> handled.distinct() == DOCUMENTS);

      assertThat(letterStreams).hasSize(SHARDS);
      assertThat(replayed).isEqualTo(DOCUMENTS);
      assertThat(admin.deadLetters("picky")).isEmpty();
      assertThat(admin.lagOfAllGroups())
          .extracting(HandlerLag::stream)
          .containsExactlyInAnyOrderElementsOf(
              new StreamKeys("firetap", true, SHARDS).changeStreams("orders"));
    }
  }

  @Test
  void aKilledMasterFailsOverAndTheFlowResumesLosingWhatWasNotReplicated(RedisCluster cluster) {
    long lost = runThroughFailover(cluster, "0");

    log.info("events lost in a master failover without WAIT: {}", lost);
    assertThat(lost).isNotNegative();
  }

  @Test
  void withWaitReplicasAFailoverLosesNothing(RedisCluster cluster) {
    long lost = runThroughFailover(cluster, "1");

    log.info("events lost in a master failover with firetap.redis.wait-replicas=1: {}", lost);
    assertThat(lost).isZero();
  }

  /**
   * Emits while a master is killed and its replica takes over, then brings the killed node back as
   * a replica; every event the streams hold must reach the handler. Returns how many events the
   * emitter wrote that the streams no longer hold.
   */
  private long runThroughFailover(RedisCluster cluster, String waitReplicas) {
    FiretapConfig config = config(cluster, waitReplicas);
    HandledChanges handled = new HandledChanges();
    String victim = new StreamKeys("firetap", true, SHARDS).changeStream("orders", "orders/d0");
    try (HandlerRuntime worker = handled.startWorker(config, "only");
        Firetap firetap = Firetap.start(config)) {
      emit(firetap, 1, 10);
      await().atMost(Duration.ofSeconds(20)).until(() -> handled.distinct() > DOCUMENTS * 5);

      cluster.killMasterOf(victim);
      emit(firetap, 11, 20);
      // With WAIT, writes to the promoted master wait for a replica again: the old master returns.
      cluster.restartKilled();
      assertThat(firetap.emitter().flush(Duration.ofSeconds(30))).isTrue();

      long stored = storedEvents(cluster);
      await().atMost(Duration.ofSeconds(30)).until(() -> handled.distinct() >= stored);
      return DOCUMENTS * 20L - stored;
    }
  }

  private static FiretapConfig config(RedisCluster cluster, String waitReplicas) {
    return TestConfigs.forCluster(
        cluster,
        Path.of(System.getProperty("java.io.tmpdir"), "firetap-cluster-it-" + System.nanoTime()),
        "firetap.cdc.shards",
        Integer.toString(SHARDS),
        "firetap.redis.wait-replicas",
        waitReplicas,
        "firetap.redis.timeout",
        "2s",
        "firetap.errors.enabled",
        "false");
  }

  /** Emits updates {@code from} to {@code to} of every document, one document after the other. */
  private static void emit(Firetap firetap, int from, int to) {
    for (int n = from; n <= to; n++) {
      for (int document = 0; document < DOCUMENTS; document++) {
        assertThat(firetap.emitter().emit(TestEvents.order("d" + document, n))).isTrue();
      }
    }
  }

  private static long storedEvents(RedisCluster cluster) {
    Set<String> events = new HashSet<>();
    try (ClusterStreams redis = ClusterStreams.connect(cluster)) {
      for (String stream : new StreamKeys("firetap", true, SHARDS).changeStreams("orders")) {
        events.addAll(redis.events(stream));
      }
    }
    return events.size();
  }
}
