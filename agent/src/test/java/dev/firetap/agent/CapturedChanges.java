package dev.firetap.agent;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.testing.FaultResult;
import dev.firetap.testing.RedisStreams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change events of one collection's stream held against the writes the application saw commit:
 * which are missing, which arrived twice, which arrived for no committed write.
 */
record CapturedChanges(Map<String, Integer> perDocument, Set<String> committed) {
  /** Reads {@code firetap:cdc:<collection>} and counts its events per document. */
  static CapturedChanges read(RedisStreams streams, String collection, Set<String> committed) {
    Map<String, Integer> perDocument = new HashMap<>();
    for (ChangeEvent event : events(streams, collection)) {
      perDocument.merge(event.documentId(), 1, Integer::sum);
    }
    return new CapturedChanges(perDocument, committed);
  }

  /** The change events of {@code firetap:cdc:<collection>}, in stream order. */
  static List<ChangeEvent> events(RedisStreams streams, String collection) {
    return streams.events("firetap:cdc:" + collection).stream()
        .map(json -> EventCodec.decodeChange(json.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  /** Committed writes without an event. */
  long lost() {
    return committed.stream().filter(id -> !perDocument.containsKey(id)).count();
  }

  /** Events beyond the first of a document. */
  long duplicates() {
    return perDocument.values().stream().mapToLong(count -> count - 1).sum();
  }

  /** Events of documents whose write the application did not see commit. */
  Set<String> phantoms() {
    Set<String> phantoms = new HashSet<>(perDocument.keySet());
    phantoms.removeAll(committed);
    return phantoms;
  }

  /** Distinct committed documents with an event. */
  long delivered() {
    return committed.size() - lost();
  }

  /**
   * Writes the result of a scenario whose events to deliver are the committed writes; {@code
   * failures} (null where a check passed) come first in its outcome, then lost, repeated and
   * phantom events.
   */
  FaultResult write(
      String scenario,
      String load,
      String fault,
      long startedNanos,
      Map<String, Object> figures,
      String... failures) {
    List<String> checks = new ArrayList<>(Arrays.asList(failures));
    checks.add(lost() > 0 ? lost() + " committed writes without an event" : null);
    checks.add(duplicates() > 0 ? duplicates() + " events twice in the stream" : null);
    checks.add(phantoms().isEmpty() ? null : phantoms().size() + " events of failed writes");
    FaultResult result =
        new FaultResult(
            scenario,
            load,
            fault,
            (System.nanoTime() - startedNanos) / 1e9,
            committed.size(),
            delivered(),
            lost(),
            duplicates() + phantoms().size(),
            FaultScenario.outcome(checks.toArray(new String[0])),
            figures);
    result.write();
    return result;
  }
}
