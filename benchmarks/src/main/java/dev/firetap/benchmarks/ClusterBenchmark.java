package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisCluster;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
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
 * (each with a replica) with 1, 3 and 6 shards per collection, and with 6 shards and {@code
 * firetap.redis.wait-replicas=1}: events per second from {@code emit} until Redis has them, median
 * of the rounds, each cluster setup side by side with the one server in the same run. All servers
 * run on this machine, so the figures show Firetap's cost of the cluster (a batch split per slot,
 * one script call per part, replication) rather than the gain of more machines.
 *
 * <p>Usage: {@code ClusterBenchmark [events per round] [rounds] [results file]}.
 *
 * @param events events per round
 * @param rounds measured rounds per setup, after an untimed quarter-size pass
 */
public record ClusterBenchmark(int events, int rounds) implements Benchmark {
  private static final int DOCUMENTS = 1000;
  private static final int DOCUMENT_BYTES = 400;
  private static final Setup ONE_NODE = new Setup("oneNode", "one redis-server", false, 1, 0);
  private static final List<Setup> CLUSTER_SETUPS =
      List.of(
          new Setup("cluster1Shard", "cluster of 3 masters, 1 shard", true, 1, 0),
          new Setup("cluster3Shards", "cluster of 3 masters, 3 shards", true, 3, 0),
          new Setup("cluster6Shards", "cluster of 3 masters, 6 shards", true, 6, 0),
          new Setup(
              "cluster6ShardsWait1",
              "cluster of 3 masters, 6 shards, wait-replicas=1",
              true,
              6,
              1));

  /** The figures of the suite, sized to run within a minute, the cluster's start included. */
  public static ClusterBenchmark standard() {
    return new ClusterBenchmark(40_000, 3);
  }

  public static void main(String[] args) throws Exception {
    ClusterBenchmark standard = standard();
    int events = args.length > 0 ? Integer.parseInt(args[0]) : standard.events();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : standard.rounds();
    Path results = Path.of(args.length > 2 ? args[2] : "benchmarks/results/cluster.json");
    Benchmark.runAlone(new ClusterBenchmark(events, rounds), results);
  }

  @Override
  public String name() {
    return "cluster";
  }

  /**
   * One measured setup: where the events go and the settings that differ.
   *
   * @param id the figure's name within the benchmark
   * @param description what it is, for people
   */
  private record Setup(
      String id, String description, boolean cluster, int shards, int waitReplicas) {}

  @Override
  public List<Figure> run() throws Exception {
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    List<ChangeEvent> changes = changes();
    List<Figure> figures = new ArrayList<>();
    try (RedisServer server = RedisServer.start();
        RedisCluster cluster = RedisCluster.start()) {
      Function<Setup, FiretapConfig> configFor =
          setup ->
              setup.cluster()
                  ? TestConfigs.forCluster(cluster, spool, settings(setup))
                  : TestConfigs.forRedis(server, spool, settings(setup));
      long oneNode = measure(ONE_NODE, configFor, server::flushAll, changes);
      figures.add(figure(ONE_NODE, oneNode, oneNode));
      for (Setup setup : CLUSTER_SETUPS) {
        figures.add(figure(setup, measure(setup, configFor, cluster::flushAll, changes), oneNode));
      }
    }
    return figures;
  }

  private String[] settings(Setup setup) {
    return new String[] {
      "firetap.service", "bench",
      "firetap.redis.timeout", "5s",
      "firetap.queue.capacity", Integer.toString(Math.max(events, 1024)),
      "firetap.cdc.maxlen", "1000000000",
      "firetap.cdc.shards", Integer.toString(setup.shards()),
      "firetap.redis.wait-replicas", Integer.toString(setup.waitReplicas()),
      "firetap.errors.enabled", "false"
    };
  }

  private long measure(
      Setup setup,
      Function<Setup, FiretapConfig> configFor,
      Runnable flush,
      List<ChangeEvent> changes) {
    FiretapConfig config = configFor.apply(setup);
    throughput(config, changes, events / 4);
    flush.run();
    List<Double> measured = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      measured.add(throughput(config, changes, events));
      flush.run();
      System.out.printf(
          Locale.ROOT, "%s round %d: %.0f events/s%n", setup.id(), round, measured.get(round - 1));
    }
    return Math.round(Results.median(measured));
  }

  /** The figure of one setup, with the one server's throughput of the same run as its baseline. */
  private Figure figure(Setup setup, long perSecond, long oneNode) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventsPerSecond", perSecond);
    values.put("oneNodeEventsPerSecond", oneNode);
    values.put("shards", setup.shards());
    values.put("waitReplicas", setup.waitReplicas());
    values.put("eventsPerRound", events);
    values.put("rounds", rounds);
    String result = String.format(Locale.ROOT, "%,d events/s", perSecond);
    String baseline =
        setup == ONE_NODE
            ? "—"
            : String.format(Locale.ROOT, "one redis-server: %,d events/s", oneNode);
    if (setup != ONE_NODE) {
      result += String.format(Locale.ROOT, " (%.2fx)", perSecond / (double) oneNode);
    }
    return Figure.of(
        "cluster." + setup.id(),
        "Emitter throughput of 1 KB change events, " + setup.description(),
        baseline,
        result,
        values);
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
}
