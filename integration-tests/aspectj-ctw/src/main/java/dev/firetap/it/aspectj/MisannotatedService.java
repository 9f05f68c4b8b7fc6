package dev.firetap.it.aspectj;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.ChangeOperation;
import dev.firetap.annotations.Logged;

/**
 * A service whose annotations have typos in their expressions, next to valid ones: an invalid
 * annotation must report nothing, leave its call alone and stop no other method from reporting.
 */
public class MisannotatedService {
  /** Stores an order: logged, and captured with a document id that names no parameter. */
  @Logged(includeResult = true)
  @CaptureChange(
      collection = "orders",
      operation = ChangeOperation.CREATE,
      documentId = "#ordr.id",
      after = "#order")
  public Order store(Order order) {
    return order;
  }

  /** Cancels an order: logged with a user id that names no parameter. */
  @Logged(userId = "#nope")
  public String cancel(String orderId) {
    return "cancelled " + orderId;
  }

  /** The status of an order: validly logged. */
  @Logged(includeArguments = true, includeResult = true)
  public String status(String orderId) {
    return "open";
  }
}
