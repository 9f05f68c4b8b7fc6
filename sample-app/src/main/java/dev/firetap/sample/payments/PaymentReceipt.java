package dev.firetap.sample.payments;

/**
 * The answer to a successful payment.
 *
 * @param orderId the order paid
 * @param paymentId the gateway's id of the payment
 * @param status the order's status now, {@code paid}
 */
public record PaymentReceipt(String orderId, String paymentId, String status) {}
