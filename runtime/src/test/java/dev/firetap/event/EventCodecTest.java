package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.GeoPoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final ChangeSource SOURCE = new ChangeSource("orders-api", "web-1", "1.4.2");
  private static final Instant COMMIT = Instant.parse("2026-12-03T12:00:00.123456Z");

  @Test
  void encodesAChangeEventExactlyAsTheContractSays() {
    ChangeEvent event =
        ChangeEvent.builder(Operation.UPDATE, "users/u1/orders/o9")
            .id("c-1")
            .before(orderedMap("status", "new", "total", 12))
            .after(orderedMap("status", "paid", "total", 12))
            .commitTime(COMMIT)
            .tx(new Transaction("t-1", 2, 1))
            .source(SOURCE)
            .userId("u1")
            .build();

    String json = EventCodec.toJson(event);

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"c-1\",\"op\":\"update\",\"collection\":\"orders\",\"documentId\":\"o9\","
                + "\"path\":\"users/u1/orders/o9\",\"commitTime\":\"2026-12-03T12:00:00.123456Z\","
                + "\"before\":{\"status\":\"new\",\"total\":12},"
                + "\"after\":{\"status\":\"paid\",\"total\":12},\"changedFields\":[\"status\"],"
                + "\"tx\":{\"id\":\"t-1\",\"size\":2,\"index\":1},"
                + "\"source\":{\"service\":\"orders-api\",\"host\":\"web-1\","
                + "\"version\":\"1.4.2\"},"
                + "\"userId\":\"u1\"}");
  }

  @Test
  void writesNullBeforeAndNullUserIdOfACreate() {
    ChangeEvent event =
        ChangeEvent.builder(Operation.CREATE, "users/u1")
            .id("c-2")
            .after(Map.of("name", "Ada"))
            .commitTime(COMMIT)
            .source(SOURCE)
            .build();

    String json = EventCodec.toJson(event);

    assertThat(json)
        .contains("\"before\":null,\"after\":{\"name\":\"Ada\"},\"changedFields\":[\"name\"]")
        .endsWith("\"userId\":null}");
  }

  @Test
  void encodesALogEventWithOnlyTheAlwaysPresentFields() {
    LogEvent event =
        LogEvent.builder(Level.INFO, "order.placed")
            .id("l-1")
            .timestamp(Instant.parse("2026-12-03T12:00:00Z"))
            .service("orders-api")
            .host("web-1")
            .build();

    String json = EventCodec.toJson(event);

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"l-1\",\"timestamp\":\"2026-12-03T12:00:00.000000Z\",\"level\":\"info\","
                + "\"event\":\"order.placed\",\"userId\":null,\"data\":{},"
                + "\"service\":\"orders-api\",\"host\":\"web-1\"}");
  }

  @Test
  void encodesTheOptionalLogFieldsInContractOrder() {
    LogEvent event =
        LogEvent.builder(Level.ERROR, "payment.failed")
            .id("l-2")
            .timestamp(COMMIT)
            .userId("u1")
            .put("orderId", "o9")
            .service("orders-api")
            .host("web-1")
            .message("card declined")
            .error(new ErrorInfo("java.lang.IllegalStateException", null, "stack"))
            .traceId("trace-1")
            .source(new LogSource("dev.example.Payments", "charge"))
            .durationMs(42)
            .build();

    String json = EventCodec.toJson(event);

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"l-2\",\"timestamp\":\"2026-12-03T12:00:00.123456Z\",\"level\":\"error\","
                + "\"event\":\"payment.failed\",\"userId\":\"u1\",\"data\":{\"orderId\":\"o9\"},"
                + "\"service\":\"orders-api\",\"host\":\"web-1\",\"message\":\"card declined\","
                + "\"error\":{\"type\":\"java.lang.IllegalStateException\",\"message\":null,"
                + "\"stack\":\"stack\"},\"traceId\":\"trace-1\","
                + "\"source\":{\"class\":\"dev.example.Payments\",\"method\":\"charge\"},"
                + "\"durationMs\":42}");
  }

  @Test
  void decodesWhatItEncodesForEveryOperation() {
    List<ChangeEvent> events =
        List.of(
            ChangeEvent.builder(Operation.CREATE, "users/u1")
                .after(Map.of("a", 1))
                .source(SOURCE)
                .build(),
            ChangeEvent.builder(Operation.UPDATE, "users/u1")
                .before(Map.of("a", 1))
                .after(Map.of("a", 2))
                .userId("u1")
                .source(SOURCE)
                .build(),
            ChangeEvent.builder(Operation.DELETE, "users/u1")
                .before(Map.of("a", 2))
                .source(SOURCE)
                .build());

    List<ChangeEvent> decoded =
        events.stream().map(EventCodec::encode).map(EventCodec::decodeChange).toList();

    assertThat(decoded).isEqualTo(events);
  }

  @Test
  void decodesWhatItEncodesForALogEventWithEveryField() {
    LogEvent event =
        LogEvent.builder(Level.WARN, "retry")
            .userId("u1")
            .put("attempt", 3)
            .service("orders-api")
            .host("web-1")
            .message("retrying")
            .error(new IllegalStateException("boom"))
            .traceId("trace-1")
            .source(new LogSource("dev.example.Jobs", "run"))
            .durationMs(7)
            .build();

    LogEvent decoded = EventCodec.decodeLog(EventCodec.encode(event));

    assertThat(decoded).isEqualTo(event);
  }

  @Test
  void ignoresUnknownFields() {
    String json =
        "{\"id\":\"l-1\",\"timestamp\":\"2026-12-03T12:00:00Z\",\"level\":\"info\","
            + "\"event\":\"e\",\"userId\":null,\"data\":{},\"service\":\"s\",\"host\":\"h\","
            + "\"region\":\"eu\",\"extra\":{\"nested\":[1,2]}}";

    LogEvent event = EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8));

    assertThat(event.event()).isEqualTo("e");
    assertThat(event.message()).isNull();
  }

  @Test
  void writesUtf8() {
    LogEvent event =
        LogEvent.builder(Level.INFO, "grüße").service("s").host("h").put("emoji", "🔥").build();

    byte[] bytes = EventCodec.encode(event);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"grüße\"", "\"🔥\"");
  }

  @Test
  void roundTripsEveryValueType() {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("text", "a \"quoted\" line\n");
    after.put("flag", true);
    after.put("count", 42);
    after.put("ratio", 0.25);
    after.put("huge", new BigInteger("123456789012345678901234567890"));
    after.put("nothing", null);
    after.put("nested", Map.of("list", List.of(1, "two", List.of())));
    after.put("bytes", new byte[] {1, 2, 3});
    after.put("when", Timestamp.ofTimeSecondsAndNanos(1_800_000_000L, 5_000));
    after.put("where", new GeoPoint(-33.86, 151.21));
    after.put("notANumber", Double.NaN);
    ChangeEvent event =
        ChangeEvent.builder(Operation.CREATE, "places/p1").after(after).source(SOURCE).build();

    ChangeEvent decoded = EventCodec.decodeChange(EventCodec.encode(event));

    assertThat(decoded).isEqualTo(event);
    assertThat(decoded.after())
        .containsEntry("bytes", "AQID")
        .containsEntry("when", "2027-01-15T08:00:00.000005Z")
        .containsEntry("where", Map.of("latitude", -33.86, "longitude", 151.21))
        .containsEntry("notANumber", "NaN");
  }

  @Test
  void decodesADecimalAsADouble() {
    ChangeEvent event =
        ChangeEvent.builder(Operation.CREATE, "prices/p1")
            .after(Map.of("amount", new BigDecimal("19.90")))
            .source(SOURCE)
            .build();

    ChangeEvent decoded = EventCodec.decodeChange(EventCodec.encode(event));

    assertThat(EventCodec.toJson(event)).contains("\"amount\":19.90");
    assertThat(decoded.after()).containsEntry("amount", 19.9);
  }

  @Test
  void keepsTheFieldOrderOfDocumentsAndData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("zeta", 1);
    data.put("alpha", 2);
    data.put("mid", 3);
    LogEvent event = LogEvent.builder(Level.INFO, "e").data(data).service("s").host("h").build();

    LogEvent decoded = EventCodec.decodeLog(EventCodec.encode(event));

    assertThat(decoded.data().keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(EventCodec.toJson(decoded)).contains("{\"zeta\":1,\"alpha\":2,\"mid\":3}");
  }

  @Test
  void prettyJsonDecodesToTheSameEvent() {
    LogEvent event =
        LogEvent.builder(Level.DEBUG, "e").put("list", List.of(1)).service("s").host("h").build();

    String pretty = EventCodec.toPrettyJson(event);

    assertThat(pretty).startsWith("{\n  \"id\": ");
    assertThat(EventCodec.decodeLog(pretty.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
