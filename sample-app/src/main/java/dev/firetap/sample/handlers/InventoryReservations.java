package dev.firetap.sample.handlers;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.orders.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes each new order's items off the stock in {@code inventory/<sku>}, in one Firestore
 * transaction with the order's processed-event marker, so an order is taken off once.
 */
public final class InventoryReservations {
  private static final String ID = "inventory";

  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public InventoryReservations(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** Decrements the stock of every item of the order. */
  @OnChange(id = ID, collection = "orders", ops = Operation.CREATE)
  public void reserve(ChangeEvent event) throws Exception {
    Map<String, Long> quantities = quantities(event);
    Firestore firestore = clients.firestore();
    List<DocumentReference> stock = new ArrayList<>();
    quantities
        .keySet()
        .forEach(sku -> stock.add(firestore.collection(Inventory.COLLECTION).document(sku)));
    FirestoreOnce.run(
        firestore, ID, event.id(), transaction -> take(transaction, stock, quantities));
  }

  private static void take(
      Transaction transaction, List<DocumentReference> stock, Map<String, Long> quantities)
      throws Exception {
    List<DocumentSnapshot> snapshots =
        transaction.getAll(stock.toArray(new DocumentReference[0])).get();
    for (DocumentSnapshot snapshot : snapshots) {
      Long level = snapshot.getLong("stock");
      if (level == null) {
        throw new IllegalStateException(
            snapshot.getReference().getPath() + " has no stock field; cannot take items off");
      }
      transaction.update(
          snapshot.getReference(), "stock", level - quantities.get(snapshot.getId()));
    }
  }

  /** The ordered quantity per sku; a sku on several lines is summed. */
  private static Map<String, Long> quantities(ChangeEvent event) {
    Map<String, Long> quantities = new TreeMap<>();
    for (Fields line : Fields.after(event).list("items")) {
      quantities.merge(line.text("sku"), line.whole("quantity"), Long::sum);
    }
    return quantities;
  }
}
