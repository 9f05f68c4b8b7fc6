package dev.firetap.agent.internal.capture;

import java.time.Instant;
import java.util.List;

/**
 * The captured writes of one successful commit, in request order, and the times to read the
 * documents at.
 *
 * @param writes the writes that changed a captured document, in request order
 * @param commitTime when the writes took effect
 * @param transactionId the transaction's id in URL-safe base64; null for a plain batch
 * @param beforeReadTime a read time that shows the documents just before the writes
 * @param afterReadTime a read time that shows them just after; null when every write is a delete
 *     whose time is not known (BatchWrite gives none)
 */
record CapturedCommit(
    List<CapturedWrite> writes,
    Instant commitTime,
    String transactionId,
    Instant beforeReadTime,
    Instant afterReadTime) {

  CapturedCommit {
    writes = List.copyOf(writes);
  }

  /** The distinct document paths, in the order of their first write. */
  List<String> paths() {
    return writes.stream().map(CapturedWrite::path).distinct().toList();
  }
}
