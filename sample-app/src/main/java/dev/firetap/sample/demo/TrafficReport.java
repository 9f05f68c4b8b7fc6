package dev.firetap.sample.demo;

import dev.firetap.sample.games.GameResult;
import dev.firetap.sample.orders.OrderRequest;
import dev.firetap.sample.orders.PlacedOrder;
import java.time.Duration;
import java.util.List;

/**
 * What the demo traffic did and what the app answered.
 *
 * @param orders every order placed, with the outcome of its payment
 * @param games every game reported
 * @param profileChanges how many profile changes were made after the sign-ups
 * @param took how long the traffic ran
 */
public record TrafficReport(
    List<PaidOrder> orders, List<GameResult> games, int profileChanges, Duration took) {
  /** Copies the lists. */
  public TrafficReport {
    orders = List.copyOf(orders);
    games = List.copyOf(games);
  }

  /**
   * One order and its payment.
   *
   * @param request what was ordered
   * @param placed what the app answered
   * @param paid whether the payment was authorised; false when it was declined
   */
  public record PaidOrder(OrderRequest request, PlacedOrder placed, boolean paid) {}

  /** How many payments were declined. */
  public long declined() {
    return orders.stream().filter(order -> !order.paid()).count();
  }
}
