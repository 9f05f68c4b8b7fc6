package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisCluster;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Emitter throughput of change events on one redis-server against a Redis Cluster of three masters
 * (each with a replica) with 1, 3 and 6 shards per collection, and with {@code
 * firetap.redis.wait-replicas=1}: events per second from {@code emit} until Redis has them, medians
 * of the rounds. All servers run on this machine, so the figures show Firetap's cost of the cluster
 * (a batch split per slot, one script call per part) rather than the gain of more machines.
 *
 * <p>Usage: {@code ClusterBenchmark [events per round] [rounds] [results file]}.
 */
public final class ClusterBenchmark {
  private static final int DOCUMENTS = 1000;
  private static final int DOCUMENT_BYTES = 400;

  private ClusterBenchmark() {}

  /** One measured setup: where the events go and the settings that differ. */
  private record Case(String name, boolean cluster, int shards, int waitReplicas) {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path results = Path.of(args.length > 2 ? args[2] : "benchmarks/results/cluster.json");
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    List<ChangeEvent> changes = changes();
    List<Case> cases =
        List.of(
            new Case("oneNode", false, 1, 0),
            new Case("cluster1Shard", true, 1, 0),
            new Case("cluster3Shards", true, 3, 0),
            new Case("cluster6Shards", true, 6, 0),
            new Case("cluster6ShardsWait1", true, 6, 1));
    Map<String, Object> perSecond = new LinkedHashMap<>();
    try (RedisServer server = RedisServer.start();
        RedisCluster cluster = RedisCluster.start()) {
      for (Case setup : cases) {
        Function<String[], FiretapConfig> config =
            extra ->
                setup.cluster()
                    ? TestConfigs.forCluster(cluster, spool, extra)
                    : TestConfigs.forRedis(server, spool, extra);
        Runnable flush = setup.cluster() ? cluster::flushAll : server::flushAll;
        perSecond.put(setup.name(), measure(setup, config, flush, changes, events, rounds));
      }
    }
    report(results, events, rounds, perSecond);
  }

  private static long measure(
      Case setup,
      Function<String[], FiretapConfig> configFor,
      Runnable flush,
      List<ChangeEvent> changes,
      int events,
      int rounds) {
    FiretapConfig config =
        configFor.apply(
            new String[] {
              "firetap.service", "bench",
              "firetap.redis.timeout", "5s",
              "firetap.queue.capacity", Integer.toString(Math.max(events, 1024)),
              "firetap.cdc.maxlen", "1000000000",
              "firetap.cdc.shards", Integer.toString(setup.shards()),
              "firetap.redis.wait-replicas", Integer.toString(setup.waitReplicas()),
              "firetap.errors.enabled", "false"
            });
    throughput(config, changes, events / 4);
    flush.run();
    List<Double> measured = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      measured.add(throughput(config, changes, events));
      flush.run();
      System.out.printf(
          Locale.ROOT,
          "%s round %d: %.0f events/s%n",
          setup.name(),
          round,
          measured.get(round - 1));
    }
    return Math.round(Results.median(measured));
  }

  private static double throughput(FiretapConfig config, List<ChangeEvent> changes, int events) {
    return EmitterRuns.perSecond(
        config,
        events,
        emitter -> {},
        (emitter, i) -> emitter.emit(changes.get(i % changes.size())));
  }

  /** One update of each of 1000 documents of {@code orders}, each about 1 KB of JSON. */
  private static List<ChangeEvent> changes() {
    ChangeSource source = new ChangeSource("bench", "localhost", "bench");
    String text = "x".repeat(DOCUMENT_BYTES);
    List<ChangeEvent> changes = new ArrayList<>();
    for (int document = 0; document < DOCUMENTS; document++) {
      changes.add(
          ChangeEvent.builder(Operation.UPDATE, "orders/d" + document)
              .before(Map.of("status", "new", "text", text))
              .after(Map.of("status", "paid", "text", text))
              .commitTime(Instant.now())
              .source(source)
              .build());
    }
    return changes;
  }

  private static void report(Path results, int events, int rounds, Map<String, Object> perSecond)
      throws IOException {
    System.out.printf(
        Locale.ROOT, "%nEmitter throughput of change events (medians): %s%n", perSecond);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("eventsPerRound", events);
    figures.put("rounds", rounds);
    figures.put("emitterPerSecond", perSecond);
    figures.put("clusterMasters", 3);
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("java", System.getProperty("java.version"));
    Results.write(results, figures);
  }
}
