package dev.firetap.handler.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one thread of a handler loop knows about the entries of its share of a batch: the records
 * read with the batch, plus what this thread completed in its previous share and in this one. The
 * previous share counts because the batch was read while it still ran: its completions may have
 * reached Redis after the read. An event id and a document always fall to the same thread, so no
 * other thread of this loop can have completed them meanwhile.
 */
final class KnownCompletions {
  private final CompletionRecords read;
  private final Set<String> carriedDone;
  private final Map<String, Long> carriedHandled;
  private final Set<String> ownDone = new HashSet<>();
  private final Map<String, Long> ownHandled = new HashMap<>();

  private KnownCompletions(
      CompletionRecords read, Set<String> carriedDone, Map<String, Long> carriedHandled) {
    this.read = read;
    this.carriedDone = carriedDone;
    this.carriedHandled = carriedHandled;
  }

  /** What a thread knows before its first share. */
  static KnownCompletions initial() {
    return new KnownCompletions(CompletionRecords.NONE, Set.of(), Map.of());
  }

  /** What the thread knows for its next share, read as {@code records}. */
  KnownCompletions next(CompletionRecords records) {
    return new KnownCompletions(records, ownDone, ownHandled);
  }

  /** True when the event was completed before, by any worker or earlier by this thread. */
  boolean done(DecodedEvent event) {
    String id = event.eventId();
    return read.doneEventIds().contains(id) || carriedDone.contains(id) || ownDone.contains(id);
  }

  /** True when a later change of the event's document was handled already. */
  boolean stale(DecodedEvent event) {
    String path = event.documentPath();
    if (path == null) {
      return false;
    }
    long handled =
        Math.max(
            read.handledMicros().getOrDefault(path, Long.MIN_VALUE),
            Math.max(
                carriedHandled.getOrDefault(path, Long.MIN_VALUE),
                ownHandled.getOrDefault(path, Long.MIN_VALUE)));
    return handled > event.commitMicros();
  }

  /** Records that the event was completed, as its completion will write it to Redis. */
  void completed(DecodedEvent event) {
    ownDone.add(event.eventId());
    if (event.documentPath() != null) {
      ownHandled.merge(event.documentPath(), event.commitMicros(), Math::max);
    }
  }
}
