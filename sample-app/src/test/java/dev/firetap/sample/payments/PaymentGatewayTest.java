package dev.firetap.sample.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaymentGatewayTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void authorisesAChargeWithTheCardsLastFourDigits() throws Exception {
    PaymentGateway gateway = new PaymentGateway(0, 1, CLOCK);

    Authorisation authorisation =
        gateway.authorise(new Charge("o1", "u1", 4_500, "4242424242424242"));

    assertThat(authorisation.paymentId()).startsWith("pay_");
    assertThat(authorisation)
        .extracting("orderId", "userId", "amountCents", "cardLast4", "authorisedAt")
        .containsExactly("o1", "u1", 4_500L, "4242", "2026-12-03T10:15:30Z");
  }

  @Test
  void declinesEveryCardEndingInFourZeros() {
    PaymentGateway gateway = new PaymentGateway(0, 1, CLOCK);

    assertThatThrownBy(() -> gateway.authorise(new Charge("o1", "u1", 100, "4000000000000000")))
        .isInstanceOf(PaymentDeclinedException.class)
        .hasMessage("payment of order o1 declined: card declined by its issuer");
  }

  @Test
  void declinesTheSameShareOfOrdersForTheSameSeed() {
    long first = declinedOf(new PaymentGateway(0.3, 7, CLOCK));
    long again = declinedOf(new PaymentGateway(0.3, 7, CLOCK));

    assertThat(first).isEqualTo(again).isBetween(200L, 400L);
  }

  private static long declinedOf(PaymentGateway gateway) {
    return IntStream.range(0, 1_000).filter(i -> declines(gateway, "order-" + i)).count();
  }

  private static boolean declines(PaymentGateway gateway, String orderId) {
    try {
      gateway.authorise(new Charge(orderId, "u1", 100, "4242424242424242"));
      return false;
    } catch (PaymentDeclinedException e) {
      return true;
    }
  }
}
