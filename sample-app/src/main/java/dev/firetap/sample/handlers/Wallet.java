package dev.firetap.sample.handlers;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnChange;
import dev.firetap.sample.orders.OrderService;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Credits jackpot points (JP) to users' wallets, {@code wallets/<userId>} with a {@code balance}:
 * the JP each game earned, and one JP per whole euro of each paid order. Each credit is one
 * Firestore transaction with the event's processed-event marker, so an event credits once.
 */
public final class Wallet {
  /** The collection of the wallets. */
  public static final String COLLECTION = "wallets";

  private final SampleClients clients;

  /** Created by the worker, with its shared clients. */
  public Wallet(HandlerContext context) {
    this.clients = SampleClients.of(context);
  }

  /** The JP an order of {@code amountCents} earns when it is paid. */
  public static long jpForOrder(long amountCents) {
    return amountCents / 100;
  }

  /** Credits the JP a game earned. */
  @OnChange(id = "wallet-games", collection = "games", ops = Operation.CREATE)
  public void creditGame(ChangeEvent event) throws ExecutionException, InterruptedException {
    Fields game = Fields.after(event);
    credit("wallet-games", event.id(), game.text("userId"), game.whole("jpEarned"));
  }

  /** Credits the JP of an order that has just been paid. */
  @OnChange(id = "wallet-orders", collection = "orders", ops = Operation.UPDATE)
  public void creditPaidOrder(ChangeEvent event) throws ExecutionException, InterruptedException {
    Fields order = Fields.after(event);
    boolean paidNow =
        OrderService.PAID.equals(order.optionalText("status"))
            && !OrderService.PAID.equals(Fields.before(event).optionalText("status"));
    if (paidNow) {
      long jp = jpForOrder(order.whole("amountCents"));
      credit("wallet-orders", event.id(), order.text("userId"), jp);
    }
  }

  private void credit(String handlerId, String eventId, String userId, long jp)
      throws ExecutionException, InterruptedException {
    if (jp <= 0) {
      return;
    }
    DocumentReference wallet = clients.firestore().collection(COLLECTION).document(userId);
    FirestoreOnce.run(
        clients.firestore(),
        handlerId,
        eventId,
        transaction -> {
          DocumentSnapshot current = transaction.get(wallet).get();
          Long stored = current.getLong("balance");
          long balance = stored == null ? 0 : stored;
          transaction.set(
              wallet, Map.of("balance", balance + jp, "updatedAt", FieldValue.serverTimestamp()));
        });
  }
}
