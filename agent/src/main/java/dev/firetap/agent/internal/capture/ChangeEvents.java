package dev.firetap.agent.internal.capture;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.Timestamps;
import dev.firetap.event.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns the document changes of one commit into change events that share its transaction. */
final class ChangeEvents {
  private ChangeEvents() {}

  /**
   * One event per change, in write order. A single change gets the transaction of its own id, as
   * the event contract asks; several share the transaction's id, or for a plain batch a name-based
   * id of the commit time and the paths, so the same commit always gets the same id.
   */
  static List<ChangeEvent> of(
      CapturedCommit commit, List<DocumentChange> changes, ChangeSource source) {
    List<ChangeEvent> events = new ArrayList<>(changes.size());
    String commitId = changes.size() > 1 ? commitId(commit, changes) : null;
    for (int i = 0; i < changes.size(); i++) {
      DocumentChange change = changes.get(i);
      ChangeEvent.Builder event =
          ChangeEvent.builder(change.op(), change.path())
              .before(change.before())
              .after(change.after())
              .commitTime(commit.commitTime())
              .source(source);
      if (commitId != null) {
        event.tx(new Transaction(commitId, changes.size(), i));
      }
      events.add(event.build());
    }
    return events;
  }

  private static String commitId(CapturedCommit commit, List<DocumentChange> changes) {
    if (commit.transactionId() != null) {
      return commit.transactionId();
    }
    StringBuilder name = new StringBuilder(Timestamps.format(commit.commitTime()));
    for (DocumentChange change : changes) {
      name.append('|').append(change.path());
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
