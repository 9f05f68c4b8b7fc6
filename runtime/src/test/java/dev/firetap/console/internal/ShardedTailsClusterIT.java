package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.cli.FiretapCli;
import dev.firetap.config.FiretapConfig;
import dev.firetap.console.ConsoleOptions;
import dev.firetap.event.EventCodec;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's tail and the console's live tail of a collection with three shard streams on a
 * real Redis Cluster, where the shards live on different masters.
 */
@WithRedisCluster
class ShardedTailsClusterIT {
  private static final int DOCUMENTS = 30;
  private static final int UPDATES = 10;

  @TempDir Path spool;
  private RedisCluster cluster;
  private FiretapConfig config;

  @BeforeEach
  void configure(RedisCluster cluster) {
    cluster.flushAll();
    this.cluster = cluster;
    this.config = TestConfigs.forShardedCluster(cluster, spool, 3);
  }

  @Test
  void theShardsLiveOnDifferentMasters() {
    List<String> shards = config.streamKeys().changeStreams("orders");

    assertThat(shards.stream().map(cluster::masterPortOf).distinct().count()).isGreaterThan(1);
  }

  @Test
  void cliTailShowsEveryEventOnceInDocumentOrderLiveAndFromTheStart() throws Exception {
    ByteArrayOutputStream live = new ByteArrayOutputStream();
    ByteArrayOutputStream liveErr = new ByteArrayOutputStream();
    int events = DOCUMENTS * UPDATES;

    CompletableFuture<Integer> tail =
        CompletableFuture.supplyAsync(
            () ->
                cli(live, liveErr)
                    .run("tail", "changes", "orders", "--json", "--count", "" + events));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> liveErr.toString(StandardCharsets.UTF_8).contains(" from now"));
    ShardedUpdates.emit(config, ShardedUpdates.all(DOCUMENTS, UPDATES));
    int liveCode = tail.get(30, TimeUnit.SECONDS);
    ByteArrayOutputStream backlog = new ByteArrayOutputStream();
    int backlogCode =
        cli(backlog, new ByteArrayOutputStream())
            .run("tail", "changes", "orders", "--from-start", "--json", "--count", "" + events);

    assertThat(liveCode).isZero();
    assertThat(seen(live).problems(DOCUMENTS, UPDATES)).isEmpty();
    assertThat(backlogCode).isZero();
    assertThat(seen(backlog).problems(DOCUMENTS, UPDATES)).isEmpty();
  }

  @Test
  void consoleLiveTailShowsEveryEventOnceInDocumentOrder() throws Exception {
    ShardedFeeds.Seen feed;
    try (ConsoleServer console = console()) {
      feed = ShardedFeeds.follow(console, config, DOCUMENTS, UPDATES);
    }

    assertThat(feed.seen().problems(DOCUMENTS, UPDATES)).isEmpty();
  }

  @Test
  void consoleLiveTailResumesAfterTheLastEventIdOnEveryShard() throws Exception {
    ShardedFeeds.Seen resumed;
    try (ConsoleServer console = console()) {
      resumed = ShardedFeeds.resume(console, config, DOCUMENTS);
    }

    assertThat(resumed.seen().problems(DOCUMENTS, 2)).isEmpty();
  }

  private ConsoleServer console() {
    return ConsoleServer.start(config, ConsoleOptions.from(config).withPort(0), Clock.systemUTC());
  }

  private FiretapCli cli(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new FiretapCli(
        config,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.systemUTC());
  }

  private static ShardedUpdates seen(ByteArrayOutputStream out) {
    ShardedUpdates seen = new ShardedUpdates();
    out.toString(StandardCharsets.UTF_8)
        .lines()
        .forEach(line -> seen.add(EventCodec.decodeChange(line.getBytes(StandardCharsets.UTF_8))));
    return seen;
  }
}
