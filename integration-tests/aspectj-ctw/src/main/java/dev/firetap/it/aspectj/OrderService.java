package dev.firetap.it.aspectj;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import dev.firetap.annotations.LogLevel;
import dev.firetap.annotations.Logged;
import dev.firetap.annotations.Sensitive;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The annotated service of the test application: every kind of call the weaving tests check. */
public class OrderService {
  /** How long a shipment takes to be confirmed, so its log event shows the wait. */
  public static final long SHIPPING_MILLIS = 50;

  private CompletableFuture<String> lastShipment;

  /** Places an order; logged with redacted arguments and result, user from the customer. */
  @Logged(includeArguments = true, includeResult = true, userId = "#customer.id")
  public Order place(Customer customer, Map<String, Object> payment, @Sensitive String pin) {
    return new Order("o1", String.valueOf(payment.get("item")), customer.id(), "FREE-" + pin);
  }

  /** Always fails: an error event, and the exception reaches the caller. */
  @Logged(event = "order.refund", level = LogLevel.WARN)
  public void refund(String orderId) {
    throw new IllegalStateException("no such order " + orderId);
  }

  /** Confirms a shipment later, on another thread; logged when the future completes. */
  @Logged(includeResult = true)
  public CompletableFuture<String> ship(String orderId) {
    lastShipment =
        CompletableFuture.supplyAsync(
            () -> "track-" + orderId,
            CompletableFuture.delayedExecutor(SHIPPING_MILLIS, TimeUnit.MILLISECONDS));
    return lastShipment;
  }

  /** The future the last {@link #ship} call made. */
  public CompletableFuture<String> lastShipment() {
    return lastShipment;
  }

  /** Creates an order document; captured as a create with the result as its fields. */
  @CaptureChange(
      collection = "orders",
      operation = ChangeOperation.CREATE,
      documentId = "#result.id",
      after = "#result",
      userId = "#customerId")
  public Order create(String item, String customerId) {
    return new Order("o2", item, customerId, "SECRET");
  }

  /** Deletes an order document unless {@code fail}; captured only when it succeeds. */
  @CaptureChange(
      collection = "orders",
      operation = ChangeOperation.DELETE,
      documentId = "#p0",
      before = "#fields")
  public void delete(String orderId, Map<String, Object> fields, boolean fail) {
    if (fail) {
      throw new IllegalArgumentException("order " + orderId + " is locked");
    }
  }
}
