package dev.firetap.sample.orders;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.firestore.Firestore;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The stock of each product: the document {@code inventory/<sku>} with {@code name} and {@code
 * stock}. The app stocks up at start; the inventory handler takes ordered items off.
 */
public final class Inventory {
  /** The collection of the stock documents. */
  public static final String COLLECTION = "inventory";

  private Inventory() {}

  /**
   * Creates the stock document of every product that has none, with {@code stock} items.
   *
   * @throws ExecutionException when Firestore fails
   */
  public static void stockUp(Firestore firestore, long stock)
      throws ExecutionException, InterruptedException {
    for (Catalogue.Product product : Catalogue.products()) {
      try {
        firestore
            .collection(COLLECTION)
            .document(product.sku())
            .create(Map.of("name", product.name(), "stock", stock))
            .get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof AlreadyExistsException)) {
          throw e;
        }
      }
    }
  }
}
