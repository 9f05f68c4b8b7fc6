package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.config.FiretapConfig;
import dev.firetap.console.ConsoleOptions;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.testing.DeadLetters;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the console against a real Redis. */
@WithRedis
class ConsoleApiIT {
  private static final Clock MARCH_14 =
      Clock.fixed(Instant.parse("2025-03-14T12:00:00Z"), ZoneOffset.UTC);
  private static final Instant T0 = Instant.parse("2025-03-14T08:00:00Z");
  private static final ChangeSource SOURCE = new ChangeSource("shop", "h1", "1.0");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int DOCUMENTS = 30;

  @TempDir Path spool;
  private FiretapConfig config;
  private RedisStreams redis;
  private ConsoleServer server;
  private ConsoleHttp http;

  @BeforeEach
  void start(RedisServer redisServer) {
    config = TestConfigs.forRedis(redisServer, spool);
    redis = RedisStreams.connect(redisServer.url());
    ConsoleOptions options = ConsoleOptions.from(config).withPort(0);
    server = ConsoleServer.start(config, options, MARCH_14);
    http = new ConsoleHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
    redis.close();
  }

  @Test
  void logsAreNewestFirstAcrossLevels() {
    addLog(Level.INFO, "order.placed", "shop", "u1", "first", 1);
    addLog(Level.ERROR, "payment.failed", "shop", "u1", "card declined", 2);
    addLog(Level.DEBUG, "cache.miss", "catalog", null, null, 3);

    String json = http.get("/api/logs");

    assertThat(json).startsWith("{\"events\":[{\"entryId\":\"").endsWith("\"complete\":true}");
    assertThat(namesInOrder(json)).containsExactly("cache.miss", "payment.failed", "order.placed");
  }

  @Test
  void logsFilterByLevelTextServiceAndUser() {
    addLog(Level.INFO, "order.placed", "shop", "u1", "first order", 1);
    addLog(Level.INFO, "order.shipped", "shop", "u2", null, 2);
    addLog(Level.WARN, "stock.low", "catalog", "u1", "order soon", 3);
    addLog(Level.ERROR, "payment.failed", "shop", "u1", "card declined", 4);

    assertThat(namesInOrder(http.get("/api/logs?level=info")))
        .containsExactly("order.shipped", "order.placed");
    assertThat(namesInOrder(http.get("/api/logs?q=ORDER")))
        .containsExactly("stock.low", "order.shipped", "order.placed");
    assertThat(namesInOrder(http.get("/api/logs?service=catalog"))).containsExactly("stock.low");
    assertThat(namesInOrder(http.get("/api/logs?user=u1&level=all&q=order")))
        .containsExactly("stock.low", "order.placed");
    assertThat(namesInOrder(http.get("/api/logs?limit=2")))
        .containsExactly("payment.failed", "stock.low");
  }

  @Test
  void logsSkipEntriesThatAreNotLogEvents() {
    addLog(Level.WARN, "stock.low", "catalog", null, null, 1);
    redis.commands().xadd("firetap:logs:warn", Map.of("event", "{broken"));
    redis.commands().xadd("firetap:logs:warn", Map.of("other", "field"));

    assertThat(namesInOrder(http.get("/api/logs?level=warn"))).containsExactly("stock.low");
  }

  @Test
  void statsGiveTodayAndTheLastFourteenDaysOldestFirst() {
    redis
        .commands()
        .hset("firetap:stats:2025-03-14", Map.of("info", "5", "error", "1", "total", "6"));
    redis.commands().hset("firetap:stats:2025-03-01", Map.of("warn", "2", "total", "2"));
    redis.commands().hset("firetap:stats:2025-02-28", Map.of("warn", "9", "total", "9"));

    String json = http.get("/api/stats");

    assertThat(json)
        .startsWith(
            "{\"today\":{\"date\":\"2025-03-14\",\"debug\":0,\"info\":5,\"warn\":0,\"error\":1,"
                + "\"total\":6},\"days\":[{\"date\":\"2025-03-01\",\"debug\":0,\"info\":0,"
                + "\"warn\":2,\"error\":0,\"total\":2},{\"date\":\"2025-03-02\"")
        .endsWith(
            "{\"date\":\"2025-03-14\",\"debug\":0,\"info\":5,\"warn\":0,\"error\":1,\"total\":6}]}")
        .doesNotContain("2025-02-28");
  }

  @Test
  void collectionsAreTheChangeStreamsSorted() {
    addChange("users/u1", 1);
    addChange("orders/o1", 1);
    redis.commands().set("firetap:cdc:not-a-stream", "x");

    assertThat(http.get("/api/collections")).isEqualTo("{\"collections\":[\"orders\",\"users\"]}");
  }

  @Test
  void changesStreamEventsWrittenAfterTheTailStartedWithTheirDiff() throws Exception {
    addChange("orders/old", 1);

    try (EventStreamReader feed = EventStreamReader.open(sse("/api/changes?collection=orders"))) {
      EventStreamReader.Event ready = feed.next(WAIT);
      String entryId = addChange("orders/o9", 2);
      EventStreamReader.Event change = feed.next(WAIT);

      assertThat(feed.statusCode()).isEqualTo(200);
      assertThat(ready.type()).isEqualTo("ready");
      assertThat(ready.data()).startsWith("{\"stream\":\"firetap:cdc:orders\",\"after\":\"");
      assertThat(change.type()).isEqualTo("change");
      assertThat(change.id()).isEqualTo(entryId);
      assertThat(change.data())
          .contains(
              "\"op\":\"update\"",
              "\"path\":\"orders/o9\"",
              "{\"field\":\"n\",\"before\":\"1\",\"after\":\"2\"}")
          .doesNotContain("orders/old");
    }
  }

  @Test
  void changesResumeAfterTheLastEventIdOfAReconnectingPage() throws Exception {
    String seen = addChange("orders/o1", 1);
    addChange("orders/o2", 2);

    HttpRequest.Builder resume =
        sse("/api/changes?collection=orders").header("Last-Event-ID", seen);
    try (EventStreamReader feed = EventStreamReader.open(resume)) {
      EventStreamReader.Event ready = feed.next(WAIT);
      EventStreamReader.Event missed = feed.next(WAIT);

      assertThat(ready.data()).contains("\"after\":\"" + seen + "\"");
      assertThat(missed.data()).contains("\"path\":\"orders/o2\"");
    }
  }

  @Test
  void changesOfAShardedCollectionFollowEveryShardOnceInDocumentOrder() throws Exception {
    FiretapConfig sharded = sharded();

    ShardedFeeds.Seen feed;
    try (ConsoleServer console = consoleOf(sharded)) {
      feed = ShardedFeeds.follow(console, sharded, DOCUMENTS, 10);
    }

    assertThat(feed.ready())
        .startsWith(
            "{\"stream\":\"firetap:cdc:orders:0, firetap:cdc:orders:1, firetap:cdc:orders:2\"");
    assertThat(feed.seen().problems(DOCUMENTS, 10)).isEmpty();
    assertThat(feed.lastEventId()).matches("[0-9]+-[0-9]+,[0-9]+-[0-9]+,[0-9]+-[0-9]+");
    for (int shard = 0; shard < 3; shard++) {
      assertThat(redis.length("firetap:cdc:orders:" + shard)).isPositive();
    }
  }

  @Test
  void changesOfAShardedCollectionResumeAfterTheLastEventIdOnEveryShard() throws Exception {
    FiretapConfig sharded = sharded();

    ShardedFeeds.Seen resumed;
    try (ConsoleServer console = consoleOf(sharded)) {
      resumed = ShardedFeeds.resume(console, sharded, DOCUMENTS);
    }

    assertThat(resumed.ready()).contains("\"after\":\"");
    assertThat(resumed.seen().problems(DOCUMENTS, 2)).isEmpty();
  }

  @Test
  void changesShowEntriesThatAreNotChangeEventsAsSuch() throws Exception {
    try (EventStreamReader feed = EventStreamReader.open(sse("/api/changes?collection=orders"))) {
      feed.next(WAIT);
      redis.commands().xadd("firetap:cdc:orders", Map.of("event", "{broken"));

      assertThat(feed.next(WAIT).data()).contains("\"error\":\"not a change event: ");
    }
  }

  @Test
  void aLiveTailBeyondTheLimitIsRefused() throws Exception {
    List<EventStreamReader> open = new ArrayList<>();
    try {
      for (int i = 0; i < ChangeFeed.MAX_TAILS; i++) {
        open.add(EventStreamReader.open(sse("/api/changes?collection=orders")));
        open.get(i).next(WAIT);
      }

      HttpResponse<String> refused = http.send(http.bearer("/api/changes?collection=orders"));

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("at most 8 live tails");
    } finally {
      open.forEach(EventStreamReader::close);
    }
  }

  @Test
  void handlersListEveryGroupWithPendingAndBehind() {
    for (int n = 1; n <= 3; n++) {
      addChange("orders/o" + n, n);
    }
    redis.takeOne("firetap:cdc:orders", "emails");

    String json = http.get("/api/handlers");

    assertThat(json)
        .startsWith(
            "{\"groups\":[{\"handlerId\":\"emails\",\"stream\":\"firetap:cdc:orders\","
                + "\"pending\":1,\"behind\":2,\"oldestPendingMillis\":");
  }

  @Test
  void deadLettersAreListedPerHandlerAndReplayedOneByOne() {
    addChange("orders/o1", 1);
    addChange("orders/o2", 2);
    DeadLetters.failEvery(config, "flaky", "orders", 2);

    String handlers = http.get("/api/deadletters");
    String letters = http.get("/api/deadletters?handler=flaky");
    String firstId =
        letters.substring(letters.indexOf("\"id\":\"") + 6, letters.indexOf("\",\"handlerId\""));
    HttpResponse<String> replayed = replay("?handler=flaky&id=" + firstId);

    assertThat(handlers).isEqualTo("{\"handlers\":[{\"handlerId\":\"flaky\",\"deadLetters\":2}]}");
    assertThat(letters)
        .startsWith("{\"deadLetters\":[{\"id\":\"")
        .contains("\"error\":\"java.lang.IllegalStateException: refused\"", "\"attempts\":1");
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).isEqualTo("{\"replayed\":1}");
    assertThat(redis.length("firetap:dlq:flaky")).isEqualTo(1);
    assertThat(redis.length("firetap:cdc:orders")).isEqualTo(3);
  }

  @Test
  void replayAllEmptiesTheDeadLettersOfAHandler() {
    addChange("orders/o1", 1);
    addChange("orders/o2", 2);
    DeadLetters.failEvery(config, "flaky", "orders", 2);

    HttpResponse<String> replayed = replay("?handler=flaky&all=true");

    assertThat(replayed.body()).isEqualTo("{\"replayed\":2}");
    assertThat(redis.length("firetap:dlq:flaky")).isZero();
    assertThat(http.get("/api/deadletters?handler=flaky")).isEqualTo("{\"deadLetters\":[]}");
  }

  @Test
  void aReplayWithoutIdsIsABadRequest() {
    HttpResponse<String> response = replay("?handler=flaky");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("replay needs id=<dead letter id>... or all=true");
  }

  private HttpResponse<String> replay(String query) {
    return http.send(
        http.bearer("/api/deadletters/replay" + query)
            .header(ConsoleRouter.REPLAY_HEADER, "1")
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private FiretapConfig sharded() {
    return config.with("firetap.cdc.shards", "3").with("firetap.errors.enabled", "false");
  }

  private static ConsoleServer consoleOf(FiretapConfig config) {
    return ConsoleServer.start(config, ConsoleOptions.from(config).withPort(0), MARCH_14);
  }

  private HttpRequest.Builder sse(String path) {
    return http.bearer(path).header("Accept", "text/event-stream").timeout(Duration.ofMinutes(1));
  }

  private void addLog(
      Level level, String name, String service, String userId, String message, int second) {
    LogEvent event =
        LogEvent.builder(level, name)
            .service(service)
            .host("h1")
            .userId(userId)
            .message(message)
            .timestamp(T0.plusSeconds(second))
            .build();
    redis
        .commands()
        .xadd("firetap:logs:" + level.wireName(), Map.of("event", EventCodec.toJson(event)));
  }

  private String addChange(String path, int n) {
    ChangeEvent event =
        ChangeEvent.builder(Operation.UPDATE, path)
            .before(Map.of("n", n - 1))
            .after(Map.of("n", n))
            .commitTime(T0.plusSeconds(n))
            .source(SOURCE)
            .build();
    return redis
        .commands()
        .xadd("firetap:cdc:" + event.collection(), Map.of("event", EventCodec.toJson(event)));
  }

  /** The event names of a logs response, in order. */
  private static List<String> namesInOrder(String json) {
    List<String> names = new ArrayList<>();
    String marker = "\"event\":\"";
    for (int at = json.indexOf(marker); at >= 0; at = json.indexOf(marker, at + 1)) {
      int start = at + marker.length();
      names.add(json.substring(start, json.indexOf('"', start)));
    }
    return names;
  }
}
