package dev.firetap.sample.orders;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import dev.firetap.annotations.Logged;
import dev.firetap.sample.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Places orders: one document {@code orders/<id>} per order. */
public class OrderService {
  /** The collection of the orders. */
  public static final String COLLECTION = "orders";

  /** The status of an order placed and not paid yet. */
  public static final String PLACED = "placed";

  /** The status of an order whose payment was authorised. */
  public static final String PAID = "paid";

  /** The status of an order whose last payment was declined. */
  public static final String PAYMENT_DECLINED = "payment_declined";

  private static final int MAX_LINES = 10;

  private final Firestore firestore;

  /** Creates the service on {@code firestore}. */
  public OrderService(Firestore firestore) {
    this.firestore = firestore;
  }

  /**
   * Places an order at catalogue prices.
   *
   * @throws IllegalArgumentException when the request is invalid
   * @throws ExecutionException when Firestore fails
   */
  @Logged(event = "orders.place", userId = "#request.userId", includeResult = true)
  public PlacedOrder place(OrderRequest request) throws ExecutionException, InterruptedException {
    String userId = Checks.id("userId", request.userId());
    List<OrderItem> items = Checks.present("items", request.items());
    Checks.range("number of items", items.size(), 1, MAX_LINES);
    List<Map<String, Object>> lines = new ArrayList<>();
    long amount = 0;
    for (OrderItem item : items) {
      Catalogue.Product product = Catalogue.product(item.sku());
      long quantity = Checks.range("quantity of " + item.sku(), item.quantity(), 1, 99);
      lines.add(line(product, quantity));
      amount += product.priceCents() * quantity;
    }
    DocumentReference order = firestore.collection(COLLECTION).document();
    order.create(fields(userId, lines, amount)).get();
    return new PlacedOrder(order.getId(), userId, amount, PLACED);
  }

  private static Map<String, Object> line(Catalogue.Product product, long quantity) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sku", product.sku());
    line.put("name", product.name());
    line.put("quantity", quantity);
    line.put("priceCents", product.priceCents());
    return line;
  }

  private static Map<String, Object> fields(
      String userId, List<Map<String, Object>> lines, long amount) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("userId", userId);
    fields.put("items", lines);
    fields.put("amountCents", amount);
    fields.put("currency", "EUR");
    fields.put("status", PLACED);
    fields.put("createdAt", FieldValue.serverTimestamp());
    return fields;
  }
}
