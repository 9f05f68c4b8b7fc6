package dev.firetap.sample.payments;

import dev.firetap.annotations.Sensitive;

/**
 * What the payment gateway is asked to authorise.
 *
 * @param orderId the order paid
 * @param userId who pays
 * @param amountCents how much, in euro cents
 * @param cardNumber the card's number; never written to an event
 */
public record Charge(
    String orderId, String userId, long amountCents, @Sensitive String cardNumber) {
  /** The last four digits of the card, or the whole number when it is shorter. */
  public String cardLast4() {
    return cardNumber.substring(Math.max(0, cardNumber.length() - 4));
  }
}
