package dev.firetap.sample.orders;

/**
 * The answer to a placed order.
 *
 * @param orderId the id of the order document
 * @param userId who ordered
 * @param amountCents what it costs, in euro cents
 * @param status {@link OrderService#PLACED}
 */
public record PlacedOrder(String orderId, String userId, long amountCents, String status) {}
