package dev.firetap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.redis.StreamKeys;
import dev.firetap.testing.DeadLetters;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.ShardedUpdates;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process against a real Redis, with its output captured. */
@WithRedis
class FiretapCliIT {
  private static final Clock FEBRUARY_2 =
      Clock.fixed(Instant.parse("2025-02-02T12:00:00Z"), ZoneOffset.UTC);
  private static final ChangeSource SOURCE = new ChangeSource("cli-test", "localhost", "test");
  private static final int DOCUMENTS = 30;

  @TempDir Path spool;
  private FiretapConfig config;
  private RedisStreams redis;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void connect(RedisServer server) {
    config = TestConfigs.forRedis(server, spool);
    redis = RedisStreams.connect(server.url());
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Test
  void statsPrintsThePerLevelCountsOfTheGivenDate() {
    redis
        .commands()
        .hset("firetap:stats:2025-01-31", Map.of("info", "3", "warn", "1", "total", "4"));

    int code = run("stats", "2025-01-31");

    assertThat(code).isZero();
    assertThat(output())
        .containsExactly(
            "date        debug  info  warn  error  total",
            "2025-01-31      0     3     1      0      4");
  }

  @Test
  void statsDaysPrintsOneRowPerDayUpToToday() {
    redis.commands().hset("firetap:stats:2025-02-02", Map.of("error", "2", "total", "2"));
    redis.commands().hset("firetap:stats:2025-01-31", Map.of("debug", "7", "total", "7"));

    int code = run("stats", "--days", "3");

    assertThat(code).isZero();
    assertThat(output())
        .containsExactly(
            "date        debug  info  warn  error  total",
            "2025-01-31      7     0     0      0      7",
            "2025-02-01      0     0     0      0      0",
            "2025-02-02      0     0     0      2      2");
  }

  @Test
  void groupsListsEveryGroupOfEveryStreamWithPendingAndBehind() {
    for (int i = 1; i <= 3; i++) {
      addChange("orders/o" + i);
    }
    addLog(Level.ERROR, "payment.failed");
    redis.takeOne("firetap:cdc:orders", "emails");
    redis.commands().xgroupCreate(XReadArgs.StreamOffset.from("firetap:logs:error", "$"), "alerts");

    int code = run("groups");

    assertThat(code).isZero();
    List<String> lines = output();
    assertThat(lines.get(0))
        .isEqualTo("stream              group   pending  behind  oldest pending  lost");
    assertThat(lines.get(1)).startsWith("firetap:cdc:orders  emails        1       2  ");
    assertThat(lines.get(2))
        .isEqualTo("firetap:logs:error  alerts        0       0  -                  0");
    assertThat(lines).hasSize(3);
  }

  @Test
  void groupsSaysSoWhenThereIsNone() {
    addChange("orders/o1");

    int code = run("groups");

    assertThat(code).isZero();
    assertThat(output()).containsExactly("no consumer groups on firetap:cdc:* or firetap:logs:*");
  }

  @Test
  void dlqListShowsTheDeadLettersOfAHandlerAndReplayMovesThemBack() {
    String entryId = addChange("orders/o1");
    DeadLetters.failEvery(config, "flaky", "orders", 1);

    int listed = run("dlq", "list", "flaky");
    List<String> list = output();
    String letterId = list.get(1).substring(0, list.get(1).indexOf(' '));
    out.reset();
    int replayed = run("dlq", "replay", "flaky", letterId, "1-1");

    assertThat(listed).isZero();
    assertThat(list.get(0)).startsWith("id").contains("failed at", "attempts", "from", "error");
    assertThat(list.get(1))
        .contains("firetap:cdc:orders " + entryId, "java.lang.IllegalStateException: refused");
    assertThat(list).hasSize(2);
    assertThat(replayed).isZero();
    assertThat(output())
        .containsExactly(
            "replayed 1 dead letters of flaky", "not dead letters of flaky, skipped: 1-1");
    assertThat(redis.length("firetap:dlq:flaky")).isZero();
    assertThat(redis.length("firetap:cdc:orders")).isEqualTo(2);
  }

  @Test
  void dlqReplayAllMovesEveryDeadLetterBack() {
    addChange("orders/o1");
    addChange("orders/o2");
    DeadLetters.failEvery(config, "flaky", "orders", 2);

    int code = run("dlq", "replay", "flaky", "--all");

    assertThat(code).isZero();
    assertThat(output()).containsExactly("replayed 2 dead letters of flaky");
    assertThat(redis.length("firetap:cdc:orders")).isEqualTo(4);
  }

  @Test
  void groupsCountsAndDlqListsAnEntryTrimmedWhilePendingWhichHasNothingToReplay() {
    String json = EventCodec.toJson(change("orders/o1"));
    String pending = DeadLetters.trimWhilePending(redis, "firetap:cdc:orders", "audit", json);
    DeadLetters.takeOver(config, "audit", "orders");

    int grouped = run("groups");
    List<String> groups = output();
    out.reset();
    int listed = run("dlq", "list", "audit");
    List<String> list = output();
    out.reset();
    int replayed = run("dlq", "replay", "audit", "--all");

    assertThat(grouped).isZero();
    assertThat(groups.get(1)).startsWith("firetap:cdc:orders  audit").endsWith("  1");
    assertThat(listed).isZero();
    assertThat(list.get(1)).contains("firetap:cdc:orders " + pending, "entry trimmed:");
    assertThat(replayed).isZero();
    assertThat(output())
        .containsExactly(
            "replayed 0 dead letters of audit",
            "nothing to replay for "
                + list.get(1).substring(0, list.get(1).indexOf(' '))
                + ": entry "
                + pending
                + " was trimmed from firetap:cdc:orders before the handler handled it");
    assertThat(redis.length("firetap:dlq:audit")).isEqualTo(1);
  }

  @Test
  void dlqListSaysSoWhenAHandlerHasNoDeadLetters() {
    int code = run("dlq", "list", "calm");

    assertThat(code).isZero();
    assertThat(output()).containsExactly("no dead letters for handler calm");
  }

  @Test
  void tailChangesFromTheStartPrintsOneLinePerEventAndStopsAfterTheCount() {
    addChange("orders/o1");
    redis.commands().xadd("firetap:cdc:orders", Map.of("event", "{broken"));
    addChange("orders/o3");

    int code = run("tail", "changes", "orders", "--from-start", "--count", "2");

    assertThat(code).isZero();
    List<String> lines = output();
    assertThat(lines.get(0)).isEqualTo("2025-01-01T00:00:00.001Z  update  orders/o1  [n]");
    assertThat(lines.get(1)).contains("  not an event: ");
    assertThat(lines).hasSize(2);
  }

  @Test
  void tailChangesFromNowPrintsOnlyEventsAddedAfterItStarted() throws Exception {
    addChange("orders/old");

    CompletableFuture<Integer> tail =
        CompletableFuture.supplyAsync(() -> run("tail", "changes", "orders", "--count", "1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> err.toString(StandardCharsets.UTF_8).contains("tailing firetap:cdc:orders"));
    addChange("orders/new");

    assertThat(tail.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(output()).containsExactly("2025-01-01T00:00:00.001Z  update  orders/new  [n]");
  }

  @Test
  void tailChangesOfAShardedCollectionMergesEveryShardInEntryIdOrderFromTheStart() {
    config = config.with("firetap.cdc.shards", "3");
    StreamKeys keys = config.streamKeys();
    List<ChangeEvent> events = ShardedUpdates.all(DOCUMENTS, 20);
    List<String> added = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String json = EventCodec.toJson(events.get(i));
      String stream = keys.changeStream("orders", events.get(i).path());
      // Ids of our own, so that the order across shards is known: a backlog merges exactly.
      redis.commands().xadd(stream, new XAddArgs().id((1000 + i) + "-0"), Map.of("event", json));
      added.add(json);
    }

    int code =
        run("tail", "changes", "orders", "--from-start", "--json", "--count", "" + added.size());

    assertThat(code).isZero();
    assertThat(keys.changeStreams("orders"))
        .allSatisfy(stream -> assertThat(redis.length(stream)).isGreaterThan(100));
    assertThat(output()).containsExactlyElementsOf(added);
  }

  @Test
  void tailChangesOfAShardedCollectionFromNowShowsEachEventOnceInDocumentOrder() throws Exception {
    config = config.with("firetap.cdc.shards", "3").with("firetap.errors.enabled", "false");
    List<ChangeEvent> events = ShardedUpdates.all(DOCUMENTS, 10);

    CompletableFuture<Integer> tail =
        CompletableFuture.supplyAsync(
            () -> run("tail", "changes", "orders", "--json", "--count", "" + events.size()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> err.toString(StandardCharsets.UTF_8).contains(" from now"));
    ShardedUpdates.emit(config, events);

    assertThat(tail.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("tailing firetap:cdc:orders:0, firetap:cdc:orders:1, firetap:cdc:orders:2");
    ShardedUpdates seen = new ShardedUpdates();
    output().forEach(line -> seen.add(EventCodec.decodeChange(utf8(line))));
    assertThat(seen.problems(DOCUMENTS, 10)).isEmpty();
  }

  @Test
  void tailLogsPrintsSummaryLinesOrTheStoredJson() {
    LogEvent event = addLog(Level.WARN, "stock.low");

    int summary = run("tail", "logs", "warn", "--from-start", "--count", "1");
    List<String> summaryLines = output();
    out.reset();
    int json = run("tail", "logs", "warn", "--from-start", "--json", "--count", "1");

    assertThat(summary).isZero();
    assertThat(summaryLines)
        .containsExactly(event.timestamp() + "  WARN   stock.low  u7  only 2 left");
    assertThat(json).isZero();
    assertThat(output()).containsExactly(EventCodec.toJson(event));
  }

  @Test
  void exitsWithCodeOneWhenRedisCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    config = config.with("firetap.redis.url", "redis://127.0.0.1:" + closedPort);

    int code = run("groups");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("firetap: Redis at redis://127.0.0.1:");
  }

  @Test
  void consolePrintsOnlyItsAddressWithTheTokenAndServesUntilInterrupted() throws Exception {
    AtomicInteger code = new AtomicInteger(-1);
    Thread console =
        new Thread(() -> code.set(run("console", "--port", "0", "--token", "cli-console-token")));
    console.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> !output().isEmpty());
    String line = output().get(0);
    URI url = URI.create(line.substring("firetap console: ".length()));
    HttpResponse<String> stats =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url.resolve("/api/stats"))
                    .header("Authorization", "Bearer cli-console-token")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    console.interrupt();
    console.join(10_000);

    assertThat(line)
        .matches("firetap console: http://127\\.0\\.0\\.1:[0-9]+/\\?token=cli-console-token");
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(console.isAlive()).isFalse();
    assertThat(code.get()).isZero();
    assertThat(output()).hasSize(1);
  }

  private int run(String... args) {
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new FiretapCli(config, outStream, errStream, FEBRUARY_2).run(args);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> output() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private String addChange(String path) {
    ChangeEvent event = change(path);
    return redis
        .commands()
        .xadd("firetap:cdc:" + event.collection(), Map.of("event", EventCodec.toJson(event)));
  }

  private static ChangeEvent change(String path) {
    return ChangeEvent.builder(Operation.UPDATE, path)
        .before(Map.of("n", 0))
        .after(Map.of("n", 1))
        .commitTime(Instant.parse("2025-01-01T00:00:00.001Z"))
        .source(SOURCE)
        .build();
  }

  private LogEvent addLog(Level level, String name) {
    LogEvent event =
        LogEvent.builder(level, name)
            .service("cli-test")
            .host("localhost")
            .userId("u7")
            .message("only 2 left")
            .build();
    redis
        .commands()
        .xadd("firetap:logs:" + level.wireName(), Map.of("event", EventCodec.toJson(event)));
    return event;
  }
}
