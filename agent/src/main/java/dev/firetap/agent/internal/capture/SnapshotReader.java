package dev.firetap.agent.internal.capture;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.TransactionOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads documents as they were at a past time, with the application's own Firestore client: one
 * read-only transaction with a read time and one {@code getAll} for all documents. Such a
 * transaction sends no BeginTransaction and no Commit, so these reads are never captured.
 */
final class SnapshotReader {
  private SnapshotReader() {}

  /**
   * The fields of each document at {@code readTime}; a document that did not exist maps to null.
   *
   * @throws ExecutionException when the read failed
   * @throws TimeoutException when it took longer than {@code timeout}; the read is then cancelled
   */
  static Map<String, Map<String, Object>> read(
      Firestore firestore, List<String> paths, Instant readTime, Duration timeout)
      throws ExecutionException, TimeoutException, InterruptedException {
    DocumentReference[] documents =
        paths.stream().map(firestore::document).toArray(DocumentReference[]::new);
    TransactionOptions options =
        TransactionOptions.createReadOnlyOptionsBuilder()
            .setReadTime(ProtoValues.timestamp(readTime))
            .build();
    ApiFuture<List<DocumentSnapshot>> read =
        firestore.runAsyncTransaction(transaction -> transaction.getAll(documents), options);
    List<DocumentSnapshot> snapshots;
    try {
      snapshots = read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      throw e;
    }
    Map<String, Map<String, Object>> fields = new HashMap<>();
    for (DocumentSnapshot snapshot : snapshots) {
      fields.put(snapshot.getReference().getPath(), snapshot.exists() ? snapshot.getData() : null);
    }
    return fields;
  }
}
