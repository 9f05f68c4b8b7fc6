package dev.firetap.agent.internal.capture;

import dev.firetap.event.ChangedFields;
import dev.firetap.event.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decides each document's change from its images before and after a commit. */
final class DocumentImages {
  private DocumentImages() {}

  /**
   * The changes shown by snapshots read before and after the commit ({@code exact} mode): one per
   * document, none for a document that did not exist on either side or whose fields are equal.
   *
   * @param before each document's fields just before the commit; a missing or null entry means the
   *     document did not exist
   * @param after the same just after the commit
   */
  static List<DocumentChange> fromSnapshots(
      CapturedCommit commit,
      Map<String, Map<String, Object>> before,
      Map<String, Map<String, Object>> after) {
    List<DocumentChange> changes = new ArrayList<>();
    for (String path : commit.paths()) {
      Map<String, Object> old = before.get(path);
      Map<String, Object> now = after.get(path);
      Operation op =
          old == null ? Operation.CREATE : now == null ? Operation.DELETE : Operation.UPDATE;
      boolean noChange =
          (old == null && now == null)
              || (op == Operation.UPDATE && ChangedFields.between(old, now).isEmpty());
      if (!noChange) {
        changes.add(new DocumentChange(path, op, old, now));
      }
    }
    return changes;
  }

  /**
   * The changes stated by the request ({@code none} mode): after holds the written fields and
   * transform results; before is unknown, so it is empty for an update or a delete and null for a
   * create (a write with {@code exists=false}).
   */
  static List<DocumentChange> fromRequest(CapturedCommit commit) {
    List<DocumentChange> changes = new ArrayList<>();
    for (CapturedWrite write : commit.writes()) {
      if (write.kind() == CapturedWrite.Kind.DELETE) {
        changes.add(new DocumentChange(write.path(), Operation.DELETE, Map.of(), null));
      } else if (write.mustNotExist()) {
        changes.add(new DocumentChange(write.path(), Operation.CREATE, null, write.fields()));
      } else {
        changes.add(new DocumentChange(write.path(), Operation.UPDATE, Map.of(), write.fields()));
      }
    }
    return changes;
  }
}
