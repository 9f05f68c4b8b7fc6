package dev.firetap.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.DeadLetter;
import dev.firetap.handler.HandlerLag;
import dev.firetap.log.LogStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleJsonTest {
  private static final ChangeSource SOURCE = new ChangeSource("shop", "h1", "1.0");
  private static final Instant COMMIT = Instant.parse("2025-03-01T10:00:00.000001Z");

  @Test
  void aChangeListsEachChangedFieldWithItsJsonBeforeAndAfter() {
    ChangeEvent update =
        ChangeEvent.builder(Operation.UPDATE, "orders/o1")
            .before(Map.of("status", "new", "total", 12, "note", "same"))
            .after(Map.of("status", "paid", "address", Map.of("city", "Oslo"), "note", "same"))
            .commitTime(COMMIT)
            .source(SOURCE)
            .userId("u7")
            .build();

    String json = json(out -> ConsoleJson.change(out, "17-0", update));

    assertThat(json)
        .startsWith(
            "{\"entryId\":\"17-0\",\"id\":\""
                + update.id()
                + "\",\"op\":\"update\",\"collection\":\"orders\",\"path\":\"orders/o1\","
                + "\"commitTime\":\"2025-03-01T10:00:00.000001Z\",\"userId\":\"u7\","
                + "\"changes\":["
                + "{\"field\":\"address\",\"before\":null,"
                + "\"after\":\"{\\\"city\\\":\\\"Oslo\\\"}\"},"
                + "{\"field\":\"status\",\"before\":\"\\\"new\\\"\",\"after\":\"\\\"paid\\\"\"},"
                + "{\"field\":\"total\",\"before\":\"12\",\"after\":null}],"
                + "\"json\":\"{\\n  \\\"id\\\": ");
  }

  @Test
  void aCreateHasNothingBeforeAndADeleteNothingAfter() {
    ChangeEvent create =
        ChangeEvent.builder(Operation.CREATE, "orders/o2")
            .after(Map.of("status", "new"))
            .source(SOURCE)
            .build();
    ChangeEvent delete =
        ChangeEvent.builder(Operation.DELETE, "orders/o2")
            .before(Map.of("status", "new"))
            .source(SOURCE)
            .build();

    assertThat(json(out -> ConsoleJson.change(out, "1-0", create)))
        .contains("\"changes\":[{\"field\":\"status\",\"before\":null,\"after\":\"\\\"new\\\"\"}]")
        .contains("\"userId\":null");
    assertThat(json(out -> ConsoleJson.change(out, "2-0", delete)))
        .contains("\"changes\":[{\"field\":\"status\",\"before\":\"\\\"new\\\"\",\"after\":null}]");
  }

  @Test
  void userDataTravelsAsAJsonStringUnchangedForThePageToShowAsText() {
    LogEvent event =
        LogEvent.builder(Level.WARN, "<img src=x onerror=alert(1)>")
            .service("shop")
            .host("h1")
            .message("\"quoted\" & <b>bold</b>")
            .build();

    String json = json(out -> ConsoleJson.log(out, "5-0", event));

    assertThat(json)
        .contains("\"event\":\"<img src=x onerror=alert(1)>\"")
        .contains("\"message\":\"\\\"quoted\\\" & <b>bold</b>\"")
        .contains("\"level\":\"warn\"")
        .contains("\"userId\":null")
        .contains("\"error\":null");
  }

  @Test
  void aLogWithAnErrorShowsItsTypeAndMessage() {
    LogEvent event =
        LogEvent.builder(Level.ERROR, "payment.failed")
            .service("shop")
            .host("h1")
            .error(new IllegalStateException("card declined"))
            .build();

    assertThat(json(out -> ConsoleJson.log(out, "6-0", event)))
        .contains("\"error\":\"java.lang.IllegalStateException: card declined\"");
  }

  @Test
  void statsLagAndDeadLettersKeepEveryNumber() {
    LogStats stats = new LogStats(LocalDate.of(2025, 3, 1), 1, 2, 3, 4, 10);
    HandlerLag lag =
        new HandlerLag("emails", "firetap:cdc:orders", 2, -1, Duration.ofMillis(1500), 4);
    DeadLetter letter =
        new DeadLetter(
            "9-0",
            "emails",
            "firetap:cdc:orders",
            "3-0",
            "{}",
            "java.lang.IllegalStateException: refused",
            "stack",
            3,
            Instant.parse("2025-03-01T10:00:00Z"),
            false);

    assertThat(json(out -> ConsoleJson.stats(out, stats)))
        .isEqualTo(
            "{\"date\":\"2025-03-01\",\"debug\":1,\"info\":2,\"warn\":3,\"error\":4,\"total\":10}");
    assertThat(json(out -> ConsoleJson.lag(out, lag)))
        .isEqualTo(
            "{\"handlerId\":\"emails\",\"stream\":\"firetap:cdc:orders\",\"pending\":2,"
                + "\"behind\":-1,\"oldestPendingMillis\":1500,\"lost\":4}");
    assertThat(json(out -> ConsoleJson.deadLetter(out, letter)))
        .isEqualTo(
            "{\"id\":\"9-0\",\"handlerId\":\"emails\",\"stream\":\"firetap:cdc:orders\","
                + "\"entryId\":\"3-0\",\"error\":\"java.lang.IllegalStateException: refused\","
                + "\"attempts\":3,\"failedAt\":\"2025-03-01T10:00:00Z\",\"event\":\"{}\","
                + "\"stack\":\"stack\",\"trimmed\":false}");
  }

  @Test
  void anErrorIsOneField() {
    assertThat(new String(ConsoleJson.error("no such page: /x"), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"no such page: /x\"}");
  }

  private static String json(ConsoleJson.Body body) {
    return new String(ConsoleJson.write(body), StandardCharsets.UTF_8);
  }
}
