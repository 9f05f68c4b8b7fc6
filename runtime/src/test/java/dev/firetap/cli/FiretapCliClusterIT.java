package dev.firetap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.EventCodec;
import dev.firetap.testing.DeadLetters;
import dev.firetap.testing.RedisCluster;
import dev.firetap.testing.ShardedUpdates;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedisCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run in-process against a real Redis Cluster, given as a {@code redis-cluster://}
 * URL, with three change streams per collection spread over its masters.
 */
@WithRedisCluster
class FiretapCliClusterIT {
  private static final int DOCUMENTS = 30;
  private static final String SHARDS =
      "firetap:cdc:orders:0, firetap:cdc:orders:1, firetap:cdc:orders:2";

  @TempDir Path spool;
  private FiretapConfig config;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void configure(RedisCluster cluster) {
    config = TestConfigs.forShardedCluster(cluster, spool, 3);
  }

  @Test
  void tailChangesFromTheStartPrintsTheEventsOfEveryShardInDocumentOrder() {
    ShardedUpdates.emit(config, ShardedUpdates.all(DOCUMENTS, 5));

    int code =
        run("tail", "changes", "orders", "--from-start", "--json", "--count", "" + DOCUMENTS * 5);

    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("tailing " + SHARDS + " from the oldest entry");
    ShardedUpdates seen = new ShardedUpdates();
    output().forEach(line -> seen.add(EventCodec.decodeChange(utf8(line))));
    assertThat(seen.problems(DOCUMENTS, 5)).isEmpty();
  }

  @Test
  void statsAddsUpTheCountsOfEachLevelsOwnKey() {
    try (Firetap firetap = Firetap.start(config)) {
      firetap.logs().info("order.placed", Map.of());
      firetap.logs().info("order.placed", Map.of());
      firetap.logs().warn("stock.low", Map.of());
      firetap.logs().error("payment.failed", Map.of());
      assertThat(firetap.emitter().flush(Duration.ofSeconds(10))).isTrue();
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    int code = run("stats", today.toString());

    assertThat(code).isZero();
    assertThat(output())
        .containsExactly(
            "date        debug  info  warn  error  total",
            today + "      0     2     1      1      4");
  }

  @Test
  void groupsListsTheHandlersGroupOnEveryShard() {
    ShardedUpdates.emit(config, ShardedUpdates.round(DOCUMENTS, 1));
    DeadLetters.failEvery(config, "flaky", "orders", DOCUMENTS);

    int code = run("groups");

    assertThat(code).isZero();
    assertThat(output())
        .containsExactly(
            "stream                group  pending  behind  oldest pending  lost",
            "firetap:cdc:orders:0  flaky        0       0  -                  0",
            "firetap:cdc:orders:1  flaky        0       0  -                  0",
            "firetap:cdc:orders:2  flaky        0       0  -                  0");
  }

  @Test
  void dlqListShowsTheDeadLettersOfEveryShardAndReplayMovesThemAllBack() {
    ShardedUpdates.emit(config, ShardedUpdates.round(DOCUMENTS, 1));
    DeadLetters.failEvery(config, "flaky", "orders", DOCUMENTS);

    int listed = run("dlq", "list", "flaky");
    List<String> letters = output().subList(1, output().size());
    out.reset();
    int replayed = run("dlq", "replay", "flaky", "--all");

    assertThat(listed).isZero();
    assertThat(letters).hasSize(DOCUMENTS);
    assertThat(letters)
        .allSatisfy(line -> assertThat(line).contains("java.lang.IllegalStateException: refused"));
    for (String shard : SHARDS.split(", ")) {
      assertThat(letters).anySatisfy(line -> assertThat(line).contains(shard + " "));
    }
    assertThat(replayed).isZero();
    assertThat(output()).containsExactly("replayed " + DOCUMENTS + " dead letters of flaky");
  }

  private int run(String... args) {
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new FiretapCli(config, outStream, errStream, Clock.systemUTC()).run(args);
  }

  private List<String> output() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
