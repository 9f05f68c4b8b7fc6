package dev.firetap.sample.payments;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import dev.firetap.annotations.Logged;
import dev.firetap.sample.Checks;
import dev.firetap.sample.orders.OrderService;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;

/** Pays orders through the gateway and records the outcome on the order. */
public class PaymentService {
  private final Firestore firestore;
  private final PaymentGateway gateway;

  /** Creates the service on {@code firestore} and {@code gateway}. */
  public PaymentService(Firestore firestore, PaymentGateway gateway) {
    this.firestore = firestore;
    this.gateway = gateway;
  }

  /**
   * Pays an order that is not paid yet. The order becomes {@code paid}, or {@code payment_declined}
   * when the gateway declines; it can then be paid again.
   *
   * @throws NoSuchElementException when the order does not exist
   * @throws IllegalStateException when it is paid already
   * @throws PaymentDeclinedException when the gateway declines
   * @throws ExecutionException when Firestore fails
   */
  @Logged(event = "payments.pay", includeArguments = true, includeResult = true)
  public PaymentReceipt pay(String orderId, PaymentRequest request)
      throws PaymentDeclinedException, ExecutionException, InterruptedException {
    DocumentReference order =
        firestore.collection(OrderService.COLLECTION).document(Checks.id("orderId", orderId));
    Charge charge = charge(order.get().get(), Checks.present("cardNumber", request.cardNumber()));
    try {
      Authorisation authorisation = gateway.authorise(charge);
      order
          .update(
              Map.of(
                  "status", OrderService.PAID,
                  "paymentId", authorisation.paymentId(),
                  "paidAt", FieldValue.serverTimestamp()))
          .get();
      return new PaymentReceipt(orderId, authorisation.paymentId(), OrderService.PAID);
    } catch (PaymentDeclinedException e) {
      order.update(Map.of("status", OrderService.PAYMENT_DECLINED)).get();
      throw e;
    }
  }

  private static Charge charge(DocumentSnapshot order, String cardNumber) {
    if (!order.exists()) {
      throw new NoSuchElementException("order " + order.getId() + " does not exist");
    }
    if (OrderService.PAID.equals(order.getString("status"))) {
      throw new IllegalStateException("order " + order.getId() + " is paid already");
    }
    Long amount = order.getLong("amountCents");
    return new Charge(order.getId(), order.getString("userId"), amount, cardNumber);
  }
}
