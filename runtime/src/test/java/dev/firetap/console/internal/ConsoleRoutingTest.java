package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.config.FiretapConfig;
import dev.firetap.console.ConsoleOptions;
import dev.firetap.console.ConsoleStartException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's routing and access rules, with no Redis behind it: pages and files need none, and
 * data endpoints must then answer 503.
 */
class ConsoleRoutingTest {
  private static final String TOKEN = "routing-test-token";
  private static ConsoleServer server;
  private static ConsoleHttp http;

  @BeforeAll
  static void start() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    FiretapConfig config =
        FiretapConfig.fromMap(
            Map.of(
                "firetap.redis.url",
                "redis://127.0.0.1:" + closedPort,
                "firetap.redis.timeout",
                "1s"));
    ConsoleOptions options = ConsoleOptions.from(config).withPort(0).withToken(TOKEN);
    server = ConsoleServer.start(config, options, Clock.systemUTC());
    http = new ConsoleHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTakenPortStopsTheStartNamingTheAddressAndTheSettings() {
    FiretapConfig config = FiretapConfig.defaults();
    ConsoleOptions taken = ConsoleOptions.from(config).withPort(http.url().getPort());

    assertThatThrownBy(() -> ConsoleServer.start(config, taken, Clock.systemUTC()))
        .isInstanceOf(ConsoleStartException.class)
        .hasMessageStartingWith(
            "the console cannot listen on 127.0.0.1 port "
                + http.url().getPort()
                + " (firetap.console.bind, firetap.console.port): ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/logs", "/assets/console.js", "/vendor/uplot/uPlot.min.css"})
  void refusesPagesAndFilesWithoutTheTokenWithAPageThatDoesNotShowIt(String path) {
    HttpResponse<String> response = http.send(http.anonymous(path));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Responses.HTML);
    assertThat(response.body()).contains("A token is required").doesNotContain(TOKEN);
  }

  @Test
  void refusesTheApiWithoutTheTokenOrWithAWrongOne() {
    HttpResponse<String> none = http.send(http.anonymous("/api/stats"));
    HttpResponse<String> wrong =
        http.send(
            http.anonymous("/api/stats").header("Authorization", "Bearer routing-test-tokem"));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).startsWith("{\"error\":\"a console token is required");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void theTokenInTheAddressSetsTheCookieAndLoadsThePageAgainWithoutIt() {
    HttpResponse<String> response =
        http.send(http.anonymous("/logs?level=warn&token=" + TOKEN + "&q=a%20b"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/logs?level=warn&q=a%20b");
    assertThat(response.headers().firstValue("Set-Cookie"))
        .hasValue(
            "firetap_console_"
                + http.url().getPort()
                + "="
                + TOKEN
                + "; Path=/; HttpOnly; SameSite=Strict");
  }

  @Test
  void theRootLeadsToTheLogs() {
    HttpResponse<String> response = http.send(http.withCookie("/"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/logs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"logs", "stats", "live", "handlers", "deadletters"})
  void servesEveryPageWithTheSharedScript(String page) {
    HttpResponse<String> response = http.send(http.withCookie("/" + page));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Responses.HTML);
    assertThat(response.body())
        .contains("<body data-page=\"" + page + "\">", "/assets/console.js", "/assets/" + page);
  }

  @Test
  void servesScriptsStylesAndUplotFromTheClassPath() {
    HttpResponse<String> script = http.send(http.withCookie("/assets/logs.js"));
    HttpResponse<String> uplot = http.send(http.withCookie("/vendor/uplot/uPlot.iife.min.js"));
    HttpResponse<String> style = http.send(http.withCookie("/vendor/uplot/uPlot.min.css"));

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(uplot.statusCode()).isEqualTo(200);
    assertThat(uplot.body()).contains("uPlot");
    assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/nothing",
        "/assets/missing.js",
        "/assets/..%2Fpages%2Flogs.html",
        "/vendor/uplot/..%2F..%2FLICENSE",
        "/assets/console.exe"
      })
  void answersUnknownPathsAndFilesOutsideTheConsoleWith404(String path) {
    assertThat(http.send(http.withCookie(path)).statusCode()).isEqualTo(404);
  }

  @Test
  void everyResponseKeepsScriptsAndDataToTheConsoleAndSendsNoReferrer() {
    HttpResponse<String> page = http.send(http.withCookie("/logs"));
    HttpResponse<String> refused = http.send(http.anonymous("/logs"));

    for (HttpResponse<String> response : List.of(page, refused)) {
      assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
  }

  @Test
  void onlyReplayTakesPostAndOnlyWithTheConsolesHeader() {
    HttpRequest.BodyPublisher empty = HttpRequest.BodyPublishers.noBody();

    HttpResponse<String> postPage = http.send(http.bearer("/logs").POST(empty));
    HttpResponse<String> getReplay = http.send(http.bearer("/api/deadletters/replay?handler=h"));
    HttpResponse<String> crossSite =
        http.send(http.withCookie("/api/deadletters/replay?handler=h&all=true").POST(empty));

    assertThat(postPage.statusCode()).isEqualTo(405);
    assertThat(getReplay.statusCode()).isEqualTo(405);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("X-Firetap-Console");
  }

  @Test
  void badParametersAnswer400NamingTheParameter() {
    HttpResponse<String> level = http.send(http.bearer("/api/logs?level=loud"));
    HttpResponse<String> handler = http.send(http.bearer("/api/deadletters?handler=a/b"));
    HttpResponse<String> collection = http.send(http.bearer("/api/changes?collection="));

    assertThat(level.statusCode()).isEqualTo(400);
    assertThat(level.body()).contains("level must be all, debug, info, warn or error");
    assertThat(handler.statusCode()).isEqualTo(400);
    assertThat(handler.body()).contains("handler id must be");
    assertThat(collection.statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/stats", "/api/logs", "/api/handlers", "/api/changes?collection=x"})
  void dataEndpointsAnswer503WhenRedisCannotBeReached(String path) {
    HttpResponse<String> response = http.send(http.bearer(path));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).startsWith("{\"error\":\"Redis failed: ");
  }
}
