package dev.firetap.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.firetap.event.Operation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentImagesTest {
  private static final Instant COMMIT = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void decidesTheOperationFromWhichSideExists() {
    CapturedCommit commit = commit("a/new", "a/changed", "a/gone", "a/never");
    Map<String, Map<String, Object>> before = new HashMap<>();
    before.put("a/changed", Map.of("v", 1));
    before.put("a/gone", Map.of("v", 2));
    Map<String, Map<String, Object>> after = new HashMap<>();
    after.put("a/new", Map.of("v", 3));
    after.put("a/changed", Map.of("v", 4));

    List<DocumentChange> changes = DocumentImages.fromSnapshots(commit, before, after);

    assertThat(changes)
        .extracting(DocumentChange::path, DocumentChange::op)
        .containsExactly(
            tuple("a/new", Operation.CREATE),
            tuple("a/changed", Operation.UPDATE),
            tuple("a/gone", Operation.DELETE));
  }

  @Test
  void dropsADocumentWhoseFieldsDidNotChange() {
    CapturedCommit commit = commit("a/same");

    List<DocumentChange> changes =
        DocumentImages.fromSnapshots(
            commit, Map.of("a/same", Map.of("v", 1L)), Map.of("a/same", Map.of("v", 1)));

    assertThat(changes).isEmpty();
  }

  private static CapturedCommit commit(String... paths) {
    List<CapturedWrite> writes =
        List.of(paths).stream()
            .map(path -> new CapturedWrite(path, CapturedWrite.Kind.SET, false, Map.of(), true))
            .toList();
    return new CapturedCommit(writes, COMMIT, null, COMMIT.minusNanos(1000), COMMIT);
  }
}
