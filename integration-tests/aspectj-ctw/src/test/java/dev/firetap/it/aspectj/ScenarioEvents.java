package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.LogEvent;
import dev.firetap.testing.RedisStreams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events and outcomes {@link Scenario} must produce, the same with either kind of weaving:
 * compared without ids, times and stack traces.
 */
final class ScenarioEvents {
  static final List<String> SEEN =
      List.of(
          "place returned Order[id=o1, item=book, customerId=c1, voucher=FREE-1234]",
          "refund threw IllegalStateException: no such order o9",
          "ship returned its own future: true",
          "shipment completed with track-o1",
          "create returned Order[id=o2, item=pen, customerId=c2, voucher=SECRET]",
          "locked delete threw IllegalArgumentException: order o1 is locked",
          "reserve returned 8");

  private static final String SERVICE = OrderService.class.getName();

  private ScenarioEvents() {}

  /** Checks every stream the scenario writes to. */
  static void assertWritten(RedisStreams streams) {
    List<LogEvent> info = logs(streams, "info");
    assertThat(info).extracting(ScenarioEvents::view).containsExactlyElementsOf(expectedInfo());
    List<LogEvent> errors = logs(streams, "error");
    assertThat(errors).extracting(ScenarioEvents::view).containsExactly(expectedRefund());
    assertThat(errors.get(0).error().stack()).contains("OrderService.refund");
    assertThat(streams.length("firetap:logs:warn")).isZero();
    LogEvent shipment = info.stream().filter(e -> e.event().endsWith("ship")).findFirst().get();
    assertThat(shipment.durationMs()).isGreaterThanOrEqualTo(OrderService.SHIPPING_MILLIS - 5);
    assertThat(changes(streams))
        .extracting(ScenarioEvents::view)
        .containsExactly(expectedCreate(), expectedDelete());
  }

  private static List<Map<String, Object>> expectedInfo() {
    Map<String, Object> customer = Map.of("id", "c1", "name", "Ada");
    Map<String, Object> payment = Map.of("item", "book", "password", "***");
    Map<String, Object> order =
        Map.of("id", "o1", "item", "book", "customerId", "c1", "voucher", "***");
    Map<String, Object> arguments = Map.of("customer", customer, "payment", payment, "pin", "***");
    return List.of(
        log(
            "info",
            InventoryService.class.getName(),
            "reserve",
            "InventoryService.reserve",
            Scenario.MDC_USER,
            Map.of()),
        log(
            "info",
            SERVICE,
            "place",
            "OrderService.place",
            "c1",
            Map.of("arguments", arguments, "result", order)),
        log(
            "info",
            SERVICE,
            "ship",
            "OrderService.ship",
            Scenario.MDC_USER,
            Map.of("result", "track-o1")));
  }

  private static Map<String, Object> expectedRefund() {
    Map<String, Object> refund =
        log("error", SERVICE, "refund", "order.refund", Scenario.MDC_USER, Map.of());
    refund.put("error", IllegalStateException.class.getName() + ": no such order o9");
    return refund;
  }

  private static Map<String, Object> expectedCreate() {
    Map<String, Object> after =
        Map.of("id", "o2", "item", "pen", "customerId", "c2", "voucher", "***");
    return change("create", "orders/o2", null, after, "c2");
  }

  private static Map<String, Object> expectedDelete() {
    return change(
        "delete", "orders/o1", Map.of("item", "book", "token", "***"), null, Scenario.MDC_USER);
  }

  private static Map<String, Object> log(
      String level,
      String className,
      String method,
      String event,
      String userId,
      Map<String, Object> data) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("level", level);
    view.put("event", event);
    view.put("source", className + "." + method);
    view.put("userId", userId);
    view.put("traceId", Scenario.TRACE_ID);
    view.put("data", data);
    view.put("error", null);
    return view;
  }

  private static Map<String, Object> change(
      String op,
      String path,
      Map<String, Object> before,
      Map<String, Object> after,
      String userId) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("op", op);
    view.put("path", path);
    view.put("before", before);
    view.put("after", after);
    view.put("userId", userId);
    return view;
  }

  private static Map<String, Object> view(LogEvent event) {
    Map<String, Object> view =
        log(
            event.level().wireName(),
            event.source().className(),
            event.source().method(),
            event.event(),
            event.userId(),
            event.data());
    view.put("traceId", event.traceId());
    view.put(
        "error",
        event.error() == null ? null : event.error().type() + ": " + event.error().message());
    return view;
  }

  private static Map<String, Object> view(ChangeEvent event) {
    return change(
        event.op().wireName(), event.path(), event.before(), event.after(), event.userId());
  }

  /** Log events of a level, by event name: the shipment's event comes from another thread. */
  private static List<LogEvent> logs(RedisStreams streams, String level) {
    List<LogEvent> events = new ArrayList<>();
    for (String json : streams.events("firetap:logs:" + level)) {
      events.add(EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8)));
    }
    events.sort(Comparator.comparing(LogEvent::event));
    return events;
  }

  private static List<ChangeEvent> changes(RedisStreams streams) {
    List<ChangeEvent> events = new ArrayList<>();
    for (String json : streams.events("firetap:cdc:orders")) {
      events.add(EventCodec.decodeChange(json.getBytes(StandardCharsets.UTF_8)));
    }
    return events;
  }
}
