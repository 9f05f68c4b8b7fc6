package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeEventTest {
  private static final ChangeSource SOURCE = new ChangeSource("orders-api", "web-1", "1.4.2");
  private static final Instant COMMIT = Instant.parse("2026-12-03T12:00:00.123456Z");
  private static final Map<String, Object> FIELDS = Map.of("a", 1);

  @Test
  void builderDerivesCollectionDocumentIdIdChangedFieldsAndTransaction() {
    ChangeEvent event =
        ChangeEvent.builder(Operation.UPDATE, "users/u1/orders/o9")
            .before(Map.of("status", "new", "total", 3))
            .after(Map.of("status", "paid", "total", 3))
            .commitTime(COMMIT.plusNanos(789))
            .source(SOURCE)
            .build();

    assertThat(event.collection()).isEqualTo("orders");
    assertThat(event.documentId()).isEqualTo("o9");
    assertThat(event.commitTime()).isEqualTo(COMMIT);
    assertThat(event.id())
        .isEqualTo(EventIds.changeId("users/u1/orders/o9", COMMIT, Operation.UPDATE));
    assertThat(event.changedFields()).containsExactly("status");
    assertThat(event.tx()).isEqualTo(Transaction.single(event.id()));
    assertThat(event.userId()).isNull();
  }

  @Test
  void builderUsesTheCurrentTimeInMicrosecondsByDefault() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

    ChangeEvent event =
        ChangeEvent.builder(Operation.CREATE, "users/u1").after(FIELDS).source(SOURCE).build();

    assertThat(event.commitTime()).isBetween(before, Instant.now());
    assertThat(event.commitTime().getNano() % 1000).isZero();
  }

  @Test
  void builderRequiresASource() {
    ChangeEvent.Builder builder = ChangeEvent.builder(Operation.CREATE, "users/u1").after(FIELDS);

    assertThatThrownBy(builder::build)
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
  }

  @Test
  void copiesAndFreezesItsMapsAndFieldList() {
    Map<String, Object> after = new HashMap<>(Map.of("a", new ArrayList<>(List.of(1))));
    List<String> changedFields = new ArrayList<>(List.of("b", "a"));

    ChangeEvent event = event(Operation.CREATE, null, after, changedFields);
    after.put("later", true);
    changedFields.add("c");

    assertThat(event.after()).isEqualTo(Map.of("a", List.of(1L)));
    assertThat(event.changedFields()).containsExactly("a", "b");
    assertThatThrownBy(() -> event.changedFields().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> event.after().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"users", "users/u1/orders", "/users/u1", "users//u1/x", "users/u1/"})
  void rejectsAPathThatIsNotADocumentPath(String path) {
    assertThatThrownBy(() -> eventAt(path, "u1", "users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path must be a document path")
        .hasMessageContaining("'" + path + "'");
  }

  @Test
  void rejectsADocumentIdThatIsNotTheLastSegment() {
    assertThatThrownBy(() -> eventAt("users/u1", "u2", "users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("documentId must be the last segment of path 'users/u1', got 'u2'");
  }

  @Test
  void rejectsACollectionThatIsNotTheParentOfTheDocument() {
    assertThatThrownBy(() -> eventAt("users/u1/orders/o9", "o9", "users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "collection must be the second-to-last segment of path 'users/u1/orders/o9', "
                + "got 'users'");
  }

  @Test
  void rejectsACreateWithABeforeState() {
    assertThatThrownBy(() -> event(Operation.CREATE, FIELDS, FIELDS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a change event with op 'create' must have before null and after non-null, "
                + "got before non-null and after non-null");
  }

  @Test
  void rejectsAnUpdateWithoutBothStates() {
    assertThatThrownBy(() -> event(Operation.UPDATE, null, FIELDS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "a change event with op 'update' must have before and after non-null");
  }

  @Test
  void rejectsADeleteWithAnAfterState() {
    assertThatThrownBy(() -> event(Operation.DELETE, FIELDS, FIELDS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "a change event with op 'delete' must have before non-null and after null");
  }

  @Test
  void rejectsMissingRequiredFieldsByName() {
    assertThatThrownBy(
            () ->
                new ChangeEvent(
                    "id",
                    Operation.CREATE,
                    "users",
                    "u1",
                    "users/u1",
                    null,
                    FIELDS,
                    List.of(),
                    COMMIT,
                    null,
                    SOURCE,
                    null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tx");
  }

  @Test
  void rejectsNullInChangedFields() {
    List<String> withNull = new ArrayList<>();
    withNull.add(null);

    assertThatThrownBy(() -> event(Operation.CREATE, null, FIELDS, withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("changedFields");
  }

  @Test
  void rejectsCyclicDocumentFieldsNamingTheSide() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("loop", cyclic);

    assertThatThrownBy(() -> event(Operation.CREATE, null, cyclic, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("after.loop.loop");
  }

  private static ChangeEvent event(
      Operation op, Map<String, Object> before, Map<String, Object> after, List<String> fields) {
    return new ChangeEvent(
        "id",
        op,
        "users",
        "u1",
        "users/u1",
        before,
        after,
        fields,
        COMMIT,
        Transaction.single("t"),
        SOURCE,
        null);
  }

  private static ChangeEvent eventAt(String path, String documentId, String collection) {
    return new ChangeEvent(
        "id",
        Operation.CREATE,
        collection,
        documentId,
        path,
        null,
        FIELDS,
        List.of(),
        COMMIT,
        Transaction.single("t"),
        SOURCE,
        null);
  }
}
