package dev.firetap.event;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example events shown in {@code docs/events.md}. Run {@link #main(String[])} with the test
 * class path to print them as the document shows them.
 */
final class EventExamples {
  static final ChangeSource SOURCE =
      new ChangeSource("orders-api", "orders-api-7d9f-x2k4", "1.4.2");
  static final Instant COMMIT = Instant.parse("2026-12-03T12:00:00.123456Z");

  private EventExamples() {}

  static ChangeEvent create() {
    return ChangeEvent.builder(Operation.CREATE, "users/u1/orders/o9")
        .after(order("new", 2, 59.8))
        .commitTime(COMMIT)
        .source(SOURCE)
        .userId("u1")
        .build();
  }

  static ChangeEvent update() {
    return ChangeEvent.builder(Operation.UPDATE, "users/u1/orders/o9")
        .before(order("new", 2, 59.8))
        .after(order("paid", 3, 89.7))
        .commitTime(COMMIT.plusSeconds(90))
        .source(SOURCE)
        .userId("u1")
        .build();
  }

  static ChangeEvent delete() {
    return ChangeEvent.builder(Operation.DELETE, "users/u1/orders/o9")
        .before(order("paid", 3, 89.7))
        .commitTime(COMMIT.plusSeconds(3600))
        .source(SOURCE)
        .userId(null)
        .build();
  }

  static List<ChangeEvent> transaction() {
    Instant commit = Instant.parse("2026-12-03T12:05:00.000042Z");
    String txId = "01a23bcb-29e0-7b21-9d4e-5f3a2c1b0e77";
    Map<String, Object> stockBefore = new LinkedHashMap<>();
    stockBefore.put("sku", "A-100");
    stockBefore.put("available", 12);
    Map<String, Object> stockAfter = new LinkedHashMap<>(stockBefore);
    stockAfter.put("available", 9);
    Map<String, Object> shipment = new LinkedHashMap<>();
    shipment.put("orderPath", "users/u1/orders/o9");
    shipment.put("quantity", 3);
    shipment.put("createdAt", Timestamp.ofTimeSecondsAndNanos(commit.getEpochSecond(), 42_000));
    return List.of(
        ChangeEvent.builder(Operation.UPDATE, "stock/A-100")
            .before(stockBefore)
            .after(stockAfter)
            .commitTime(commit)
            .tx(new Transaction(txId, 2, 0))
            .source(SOURCE)
            .userId("u1")
            .build(),
        ChangeEvent.builder(Operation.CREATE, "shipments/s77")
            .after(shipment)
            .commitTime(commit)
            .tx(new Transaction(txId, 2, 1))
            .source(SOURCE)
            .userId("u1")
            .build());
  }

  static LogEvent info() {
    return LogEvent.builder(Level.INFO, "order.placed")
        .id("01a23bc6-9680-7c3a-8b41-2d6e0f9a7c15")
        .timestamp(COMMIT.plusNanos(5_000_000))
        .userId("u1")
        .put("orderId", "o9")
        .put("items", 2)
        .put("total", 59.8)
        .service(SOURCE.service())
        .host(SOURCE.host())
        .message("order o9 placed")
        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .source(new LogSource("dev.example.orders.OrderService", "place"))
        .durationMs(38L)
        .build();
  }

  static LogEvent error() {
    return LogEvent.builder(Level.ERROR, "payment.failed")
        .id("01a23bc7-f68a-7f80-a3c2-81d4e6b9f0a3")
        .timestamp(Instant.parse("2026-12-03T12:01:30.250000Z"))
        .userId(null)
        .put("orderId", "o9")
        .put("attempt", 3)
        .service(SOURCE.service())
        .host(SOURCE.host())
        .message("charging order o9 failed")
        .error(
            new ErrorInfo(
                "java.lang.IllegalStateException",
                "card declined",
                "java.lang.IllegalStateException: card declined\n"
                    + "\tat dev.example.orders.Payments.charge(Payments.java:42)\n"
                    + "\tat dev.example.orders.OrderService.pay(OrderService.java:88)\n"))
        .build();
  }

  private static Map<String, Object> order(String status, int quantity, double total) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("status", status);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("sku", "A-100");
    item.put("quantity", quantity);
    order.put("items", List.of(item));
    order.put("total", total);
    order.put("deliverTo", new GeoPoint(48.8566, 2.3522));
    order.put("placedAt", Timestamp.ofTimeSecondsAndNanos(COMMIT.getEpochSecond(), 123_456_000));
    return order;
  }

  /** Prints every example as a fenced JSON block. */
  public static void main(String[] args) {
    List<Object> events = new ArrayList<>(List.of(create(), update(), delete()));
    events.addAll(transaction());
    events.add(info());
    events.add(error());
    for (Object event : events) {
      String json =
          event instanceof ChangeEvent change
              ? EventCodec.toPrettyJson(change)
              : EventCodec.toPrettyJson((LogEvent) event);
      System.out.println("```json\n" + json + "\n```\n");
    }
  }
}
