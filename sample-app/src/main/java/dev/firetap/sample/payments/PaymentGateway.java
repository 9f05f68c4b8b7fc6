package dev.firetap.sample.payments;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A stand-in for a card payment gateway, deterministic so that the demo and its tests know which
 * payments fail: it declines every card ending in {@code 0000}, as test cards of real gateways do,
 * and a share {@code declineRatio} of the others, picked by the order id and {@code declineSeed}.
 *
 * <p>An authorisation is a change in the gateway, not in Firestore, so the agent cannot see it:
 * {@link CaptureChange} makes it an event on {@code firetap:cdc:payments}.
 */
public class PaymentGateway {
  private static final String DECLINED_CARD_ENDING = "0000";

  private final double declineRatio;
  private final long declineSeed;
  private final Clock clock;

  /** A gateway that declines {@code declineRatio} (0 to 1) of the payments besides test cards. */
  public PaymentGateway(double declineRatio, long declineSeed, Clock clock) {
    this.declineRatio = declineRatio;
    this.declineSeed = declineSeed;
    this.clock = clock;
  }

  /**
   * Authorises a charge.
   *
   * @throws PaymentDeclinedException when the card is declined
   */
  @CaptureChange(
      collection = "payments",
      operation = ChangeOperation.CREATE,
      documentId = "#result.paymentId",
      after = "#result",
      userId = "#charge.userId")
  public Authorisation authorise(Charge charge) throws PaymentDeclinedException {
    if (charge.cardNumber().endsWith(DECLINED_CARD_ENDING)) {
      throw new PaymentDeclinedException(charge.orderId(), "card declined by its issuer");
    }
    if (pickedForDecline(charge.orderId())) {
      throw new PaymentDeclinedException(charge.orderId(), "risk check failed");
    }
    return new Authorisation(
        "pay_" + UUID.randomUUID().toString().replace("-", ""),
        charge.orderId(),
        charge.userId(),
        charge.amountCents(),
        charge.cardLast4(),
        clock.instant().toString());
  }

  private boolean pickedForDecline(String orderId) {
    return declineRatio > 0
        && new SplittableRandom(declineSeed ^ orderId.hashCode()).nextDouble() < declineRatio;
  }
}
