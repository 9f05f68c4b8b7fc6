package dev.firetap.it.aspectj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.MDC;

/**
 * The calls both weaving tests make, in order, with what the application itself observed: results
 * and exceptions must be exactly those of the unwoven methods.
 */
public final class Scenario {
  /** The trace id put in the MDC for the calls. */
  public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  /**
   * The events the calls emit: log events of place, refund, ship and reserve, change events of
   * create and of the delete that succeeded.
   */
  public static final int EVENTS = 6;

  /** The user id put in the MDC for the calls. */
  public static final String MDC_USER = "u-mdc";

  private Scenario() {}

  /**
   * Makes every call once.
   *
   * @return what the caller saw, one line per call
   */
  public static List<String> run() {
    OrderService orders = new OrderService();
    List<String> seen = new ArrayList<>();
    MDC.put("trace_id", TRACE_ID);
    MDC.put("userId", MDC_USER);
    try {
      Map<String, Object> payment = new LinkedHashMap<>();
      payment.put("item", "book");
      payment.put("password", "hunter2");
      seen.add("place returned " + orders.place(new Customer("c1", "Ada"), payment, "1234"));
      seen.add("refund threw " + thrown(() -> orders.refund("o9")));
      CompletableFuture<String> shipment = orders.ship("o1");
      seen.add("ship returned its own future: " + (shipment == orders.lastShipment()));
      seen.add("shipment completed with " + shipment.join());
      seen.add("create returned " + orders.create("pen", "c2"));
      seen.add(
          "locked delete threw " + thrown(() -> orders.delete("o1", Map.of("item", "book"), true)));
      orders.delete("o1", Map.of("item", "book", "token", "t-1"), false);
      seen.add("reserve returned " + new InventoryService().reserve("sku-1", 2));
    } finally {
      MDC.clear();
    }
    return seen;
  }

  private static String thrown(Runnable call) {
    try {
      call.run();
      return "nothing";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
