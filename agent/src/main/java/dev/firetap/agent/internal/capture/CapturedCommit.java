package dev.firetap.agent.internal.capture;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * The documents whose state after the commit the request states in full, with that state: null
   * for a deleted document. Only documents written once in the commit.
   */
  Map<String, Map<String, Object>> statedAfter() {
    Map<String, Map<String, Object>> stated = new HashMap<>();
    for (CapturedWrite write : writtenOnce()) {
      if (write.wholeDocument()) {
        stated.put(write.path(), write.fields());
      }
    }
    return stated;
  }

  /**
   * The documents known not to exist before the commit: those written once, by a create, which
   * succeeds only for a document that does not exist.
   */
  Set<String> absentBefore() {
    Set<String> absent = new HashSet<>();
    for (CapturedWrite write : writtenOnce()) {
      if (write.mustNotExist()) {
        absent.add(write.path());
      }
    }
    return absent;
  }

  private List<CapturedWrite> writtenOnce() {
    Map<String, Integer> counts = new HashMap<>();
    writes.forEach(write -> counts.merge(write.path(), 1, Integer::sum));
    return writes.stream().filter(write -> counts.get(write.path()) == 1).toList();
  }
}
