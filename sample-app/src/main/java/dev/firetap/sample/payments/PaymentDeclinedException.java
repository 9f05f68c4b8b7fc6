package dev.firetap.sample.payments;

/** The gateway declined a payment; the API answers 402. */
public final class PaymentDeclinedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A decline of the payment of {@code orderId}, for {@code reason}. */
  public PaymentDeclinedException(String orderId, String reason) {
    super("payment of order " + orderId + " declined: " + reason);
  }
}
