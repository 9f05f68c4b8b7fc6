package dev.firetap.sample.api;

import dev.firetap.annotations.LogLevel;
import dev.firetap.annotations.Logged;
import dev.firetap.sample.payments.PaymentDeclinedException;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The error handler of the API: turns what an endpoint threw into the reply the caller gets. */
public class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  /**
   * The reply to a request whose endpoint threw {@code error}: 400 for invalid input, 402 for a
   * declined payment, 404 for something that does not exist, 409 for a request the state forbids,
   * 500 otherwise.
   */
  @Logged(event = "api.error", level = LogLevel.WARN, includeArguments = true, includeResult = true)
  public ErrorReply reply(String route, Exception error) {
    Throwable cause =
        error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof PaymentDeclinedException) {
      return new ErrorReply(402, cause.getMessage());
    }
    if (cause instanceof IllegalArgumentException) {
      return new ErrorReply(400, cause.getMessage());
    }
    if (cause instanceof NoSuchElementException) {
      return new ErrorReply(404, cause.getMessage());
    }
    if (cause instanceof IllegalStateException) {
      return new ErrorReply(409, cause.getMessage());
    }
    log.error("{} failed", route, cause);
    return new ErrorReply(500, "internal error: " + cause.getClass().getSimpleName());
  }
}
