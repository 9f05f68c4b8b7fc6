package dev.firetap.sample.payments;

/**
 * A payment the gateway authorised: the fields of its change event in {@code payments}.
 *
 * @param paymentId the gateway's id of the payment
 * @param orderId the order paid
 * @param userId who paid
 * @param amountCents how much, in euro cents
 * @param cardLast4 the last four digits of the card
 * @param authorisedAt when, RFC 3339
 */
public record Authorisation(
    String paymentId,
    String orderId,
    String userId,
    long amountCents,
    String cardLast4,
    String authorisedAt) {}
