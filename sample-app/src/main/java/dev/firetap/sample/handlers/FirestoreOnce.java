package dev.firetap.sample.handlers;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Firestore changes of one event, made at most once per handler: in one transaction with creating
 * the marker {@code processedEvents/<handlerId>:<eventId>}, and not at all when the marker exists.
 */
final class FirestoreOnce {
  /** The collection of the markers. */
  static final String MARKERS = "processedEvents";

  /** The changes: reads first, then writes, as Firestore transactions require. */
  @FunctionalInterface
  interface Work {
    void run(Transaction transaction) throws Exception;
  }

  private FirestoreOnce() {}

  /**
   * Runs {@code work} in a transaction unless {@code handlerId} ran it for {@code eventId} before.
   *
   * @return true when it ran now
   * @throws ExecutionException when the transaction fails; nothing was changed
   */
  static boolean run(Firestore firestore, String handlerId, String eventId, Work work)
      throws ExecutionException, InterruptedException {
    DocumentReference marker = firestore.collection(MARKERS).document(handlerId + ":" + eventId);
    return firestore
        .runTransaction(
            transaction -> {
              if (transaction.get(marker).get().exists()) {
                return false;
              }
              work.run(transaction);
              transaction.create(
                  marker,
                  Map.of(
                      "handlerId", handlerId,
                      "eventId", eventId,
                      "appliedAt", FieldValue.serverTimestamp()));
              return true;
            })
        .get();
  }
}
