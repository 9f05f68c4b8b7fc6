package dev.firetap.sample.payments;

import dev.firetap.annotations.Sensitive;

/**
 * A request to pay an order by card.
 *
 * @param cardNumber the card's number; never written to an event
 */
public record PaymentRequest(@Sensitive String cardNumber) {}
