package dev.firetap.agent.internal.capture;

import java.util.Map;

/**
 * One write of a commit as the request stated it, for a document the agent captures.
 *
 * @param path the document path below the database root, e.g. {@code users/u1/orders/o9}
 * @param kind whether the write sets, updates or deletes
 * @param mustNotExist whether the write carried the precondition {@code exists=false} (a create)
 * @param fields the fields the write sets, transform results included; null for a delete
 * @param wholeDocument whether the write states the document's whole state after it: a delete, or a
 *     set without update mask and transforms whose values are all plain (no vector or other typed
 *     map, which the client reads back as objects of its own)
 */
record CapturedWrite(
    String path,
    Kind kind,
    boolean mustNotExist,
    Map<String, Object> fields,
    boolean wholeDocument) {

  /** The operation of a {@code google.firestore.v1.Write}. */
  enum Kind {
    SET,
    UPDATE,
    DELETE
  }

  /** The id of the document's parent collection. */
  String collectionId() {
    String[] segments = path.split("/");
    return segments[segments.length - 2];
  }
}
