package dev.firetap.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.sample.payments.PaymentDeclinedException;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  private final ApiErrors errors = new ApiErrors();

  @Test
  void answersInvalidInputWith400AndItsMessage() {
    ErrorReply reply = errors.reply("POST /orders", new IllegalArgumentException("items bad"));

    assertThat(reply).isEqualTo(new ErrorReply(400, "items bad"));
  }

  @Test
  void answersADeclinedPaymentWith402() {
    PaymentDeclinedException declined = new PaymentDeclinedException("o1", "card declined");

    assertThat(errors.reply("POST /orders/{id}/payment", declined).status()).isEqualTo(402);
  }

  @Test
  void answersWhatIsMissingWith404AndAForbiddenStateWith409() {
    assertThat(errors.reply("r", new NoSuchElementException("no user")).status()).isEqualTo(404);
    assertThat(errors.reply("r", new IllegalStateException("paid")).status()).isEqualTo(409);
  }

  @Test
  void looksInsideAFailedFirestoreFuture() {
    ExecutionException failed =
        new ExecutionException(new IllegalArgumentException("bad document"));

    assertThat(errors.reply("r", failed)).isEqualTo(new ErrorReply(400, "bad document"));
  }

  @Test
  void answersAnythingElseWith500WithoutItsMessage() {
    ErrorReply reply = errors.reply("r", new java.io.IOException("disk /var/secret full"));

    assertThat(reply).isEqualTo(new ErrorReply(500, "internal error: IOException"));
  }
}
