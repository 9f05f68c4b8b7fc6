package dev.firetap.sample.orders;

import java.util.List;

/**
 * A request to place an order.
 *
 * @param userId who orders
 * @param items what, 1 to 10 lines
 */
public record OrderRequest(String userId, List<OrderItem> items) {
  /** Copies the items; null stays null for the service to reject. */
  public OrderRequest {
    items = items == null ? null : List.copyOf(items);
  }
}
