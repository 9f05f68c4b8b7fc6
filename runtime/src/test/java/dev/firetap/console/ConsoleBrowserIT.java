package dev.firetap.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.cdc.Change;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Level;
import dev.firetap.testing.Chromium;
import dev.firetap.testing.DeadLetters;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium against a real Redis, with events emitted through the runtime's
 * API. Each test leaves a screenshot of its page in target/screenshots (and in the folder of
 * -Dfiretap.screenshots).
 */
@WithRedis
class ConsoleBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path spool;
  private static Chromium chromium;
  private static FiretapConfig config;
  private static FiretapConsole console;
  private static Firetap firetap;
  private static RedisStreams redis;

  @BeforeAll
  static void start(RedisServer server) {
    chromium = Chromium.start();
    config =
        TestConfigs.forRedis(
            server, spool, "firetap.service", "shop", "firetap.errors.enabled", "false");
    console = FiretapConsole.start(config, ConsoleOptions.from(config).withPort(0));
    firetap = Firetap.builder().config(config).closeOnShutdown(false).start();
    redis = RedisStreams.connect(server.url());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable each : new AutoCloseable[] {redis, firetap, console, chromium}) {
      try {
        if (each != null) {
          each.close();
        }
      } catch (Exception e) {
        // The rest must close all the same.
      }
    }
  }

  @Test
  void refusesThePageWithoutTheTokenAndOpensItWithTheToken() {
    WebDriver browser = chromium.driver();
    browser.get(console.url().resolve("/logs").toString());
    browser.manage().deleteAllCookies();
    browser.navigate().refresh();
    String refused = browser.findElement(By.tagName("body")).getText();

    browser.get(console.loginUrl().toString());
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Logs"));

    assertThat(refused).contains("A token is required").doesNotContain(console.token());
    assertThat(browser.getCurrentUrl()).startsWith(console.url() + "logs").doesNotContain("token");
    chromium.pageErrors();
  }

  @Test
  void logsFilterShowsOnlyTheMatchingEvents() {
    emitSomeLogs();
    open("/logs", "");
    waitForRows("#logs tbody tr.entry", 6);
    chromium.screenshot("console-logs");

    WebElement text = chromium.driver().findElement(By.name("q"));
    text.sendKeys("payment");
    text.submit();
    waitForRows("#logs tbody tr.entry", 1);
    List<WebElement> row = cells("#logs tbody tr.entry");

    assertThat(row.get(2).getText()).isEqualTo("payment.failed");
    assertThat(row.get(4).getText()).isEqualTo("u7");
    assertThat(row.get(5).getText()).isEqualTo("Card declined");
    assertThat(chromium.pageErrors()).isEmpty();
  }

  @Test
  void showsMarkupInUserDataAsTextAndRunsNone() {
    String markup = "<img src=x onerror=\"document.title='owned'\">";
    firetap.logs().at(Level.WARN, "profile.updated").userId("u9").message(markup).log();
    awaitEntries("firetap:logs:warn", 1);

    open("/logs", "level=warn");
    waitForRows("#logs tbody tr.entry", 1);

    assertThat(cells("#logs tbody tr.entry").get(5).getText()).isEqualTo(markup);
    assertThat(chromium.driver().findElements(By.cssSelector("#logs img"))).isEmpty();
    assertThat(chromium.driver().getTitle()).isEqualTo("Firetap · Logs");
    assertThat(chromium.pageErrors()).isEmpty();
  }

  @Test
  void liveTailShowsAChangeCapturedDuringTheTest() {
    firetap.changes().capture(Change.create("users", "u7").after(Map.of("name", "Ada")));
    awaitEntries("firetap:cdc:users", 1);
    open("/live", "collection=orders");
    waitUntil(ExpectedConditions.textToBe(By.id("status"), "Listening to firetap:cdc:orders"));
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#collections option")));
    String offered =
        chromium
            .driver()
            .findElement(By.cssSelector("#collections option"))
            .getDomAttribute("value");

    firetap
        .changes()
        .capture(
            Change.update("orders", "ORD-1042")
                .before(Map.of("status", "new", "total", 1499))
                .after(Map.of("status", "paid", "total", 1499, "paidAt", "2025-03-14T09:30:00Z"))
                .userId("u7"));
    By change = By.cssSelector("li[data-path='orders/ORD-1042']");
    waitUntil(ExpectedConditions.presenceOfElementLocated(change));
    firetap.changes().capture(Change.create("orders", "ORD-1043").after(Map.of("status", "new")));
    waitUntil(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("li[data-path='orders/ORD-1043']")));
    chromium.screenshot("console-live");
    List<WebElement> diff =
        chromium.driver().findElement(change).findElements(By.cssSelector("tbody tr"));

    assertThat(diff)
        .extracting(WebElement::getText)
        .containsExactly("paidAt absent \"2025-03-14T09:30:00Z\"", "status \"new\" \"paid\"");
    assertThat(chromium.driver().findElement(change).getText()).contains("UPDATE", "user u7");
    assertThat(offered).isEqualTo("users");
    assertThat(chromium.pageErrors()).isEmpty();
  }

  @Test
  void replayingDeadLettersEmptiesTheList() {
    firetap
        .changes()
        .capture(Change.update("orders", "ORD-7").before(Map.of("n", 1)).after(Map.of("n", 2)));
    firetap.changes().capture(Change.delete("orders", "ORD-8").before(Map.of("n", 1)));
    awaitEntries("firetap:cdc:orders", 2);
    DeadLetters.failEvery(config, "order-emails", "orders", 2);

    open("/deadletters", "handler=order-emails");
    waitForRows("#letters tbody tr.entry", 2);
    chromium.screenshot("console-deadletters");
    chromium.driver().findElement(By.cssSelector("#letters tbody tr.entry button")).click();
    waitForRows("#letters tbody tr.entry", 1);
    long afterOne = redis.length("firetap:dlq:order-emails");
    chromium.driver().findElement(By.id("replay-all")).click();
    waitForRows("#letters tbody tr.entry", 0);

    assertThat(afterOne).isEqualTo(1);
    assertThat(redis.length("firetap:dlq:order-emails")).isZero();
    assertThat(redis.length("firetap:cdc:orders")).isEqualTo(4);
    assertThat(chromium.driver().findElement(By.id("status")).getText())
        .isEqualTo("Replayed 1 dead letter of order-emails");
    assertThat(chromium.pageErrors()).isEmpty();
  }

  @Test
  void statsChartDrawsOneSeriesPerLevel() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int back = 0; back < 14; back++) {
      int n = 14 - back;
      redis
          .commands()
          .hset(
              "firetap:stats:" + today.minusDays(back),
              Map.of(
                  "debug", Integer.toString(40 + 3 * n),
                  "info", Integer.toString(120 + 9 * (n % 5)),
                  "warn", Integer.toString(15 + n % 4),
                  "error", Integer.toString(n % 3),
                  "total", Integer.toString(175 + 3 * n + 9 * (n % 5) + n % 4 + n % 3)));
    }

    open("/stats", "");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
    waitUntil(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#chart"), "error"));
    chromium.screenshot("console-stats");
    long drawn =
        (Long)
            ((JavascriptExecutor) chromium.driver())
                .executeScript(
                    "const c = document.querySelector('#chart canvas');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;"
                        + "return n;");

    assertThat(drawn).isGreaterThan(1000);
    assertThat(chromium.driver().findElement(By.cssSelector(".card.info .count")).getText())
        .isEqualTo(Integer.toString(120 + 9 * (14 % 5)));
    assertThat(chromium.driver().findElements(By.cssSelector(".u-legend .u-series")))
        .extracting(WebElement::getText)
        .anySatisfy(label -> assertThat(label).startsWith("debug"))
        .anySatisfy(label -> assertThat(label).startsWith("error"));
    assertThat(chromium.pageErrors()).isEmpty();
  }

  @Test
  void handlersPageListsEveryGroup() {
    for (int n = 1; n <= 5; n++) {
      firetap.changes().capture(Change.create("orders", "ORD-" + n).after(Map.of("n", n)));
    }
    firetap.logs().error("payment.failed", Map.of("orderId", "ORD-1"));
    awaitEntries("firetap:cdc:orders", 5);
    awaitEntries("firetap:logs:error", 1);
    redis.takeOne("firetap:cdc:orders", "order-emails");
    redis.takeOne("firetap:logs:error", "pager");

    open("/handlers", "");
    waitForRows("#groups tbody tr", 2);
    chromium.screenshot("console-handlers");

    assertThat(chromium.driver().findElements(By.cssSelector("#groups tbody tr")))
        .extracting(WebElement::getText)
        .containsExactly(
            "order-emails firetap:cdc:orders 1 4 " + age("#groups tbody tr:nth-child(1)") + " 0",
            "pager firetap:logs:error 1 0 " + age("#groups tbody tr:nth-child(2)") + " 0");
    assertThat(chromium.pageErrors()).isEmpty();
  }

  private void emitSomeLogs() {
    firetap.logs().at(Level.INFO, "order.placed").userId("u1").message("Order ORD-1 placed").log();
    firetap.logs().at(Level.WARN, "stock.low").message("Only 2 left of SKU-77").log();
    firetap.logs().at(Level.ERROR, "payment.failed").userId("u7").message("Card declined").log();
    firetap.logs().at(Level.DEBUG, "cache.miss").put("key", "catalog:77").log();
    firetap.logs().at(Level.INFO, "user.signed_in").userId("u7").log();
    firetap.logs().at(Level.INFO, "order.shipped").userId("u1").message("ORD-1 shipped").log();
    awaitEntries("firetap:logs:info", 3);
    awaitEntries("firetap:logs:error", 1);
  }

  /** Opens a page with the token in its address, as the address printed at start does. */
  private static void open(String path, String query) {
    String token = "token=" + console.token();
    String address = path + "?" + (query.isEmpty() ? token : query + "&" + token);
    chromium.driver().get(console.url().resolve(address).toString());
  }

  private static void awaitEntries(String stream, long count) {
    await().atMost(WAIT).until(() -> redis.length(stream) >= count);
  }

  private static void waitForRows(String selector, int count) {
    waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector(selector), count));
  }

  private static List<WebElement> cells(String rowSelector) {
    return chromium
        .driver()
        .findElement(By.cssSelector(rowSelector))
        .findElements(By.tagName("td"));
  }

  private static String age(String rowSelector) {
    return cells(rowSelector).get(4).getText();
  }

  private static <T> void waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    new WebDriverWait(chromium.driver(), WAIT).until(condition);
  }
}
