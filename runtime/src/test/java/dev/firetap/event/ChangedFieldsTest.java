package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedFieldsTest {
  @Test
  void listsEveryFieldOfACreatedDocumentSorted() {
    List<String> changed = ChangedFields.between(null, Map.of("b", 1, "a", 2, "c", 3));

    assertThat(changed).containsExactly("a", "b", "c");
  }

  @Test
  void listsEveryFieldOfADeletedDocumentSorted() {
    List<String> changed = ChangedFields.between(Map.of("y", 1, "x", 2), null);

    assertThat(changed).containsExactly("x", "y");
  }

  @Test
  void listsNothingWhenBothSidesAreAbsent() {
    List<String> changed = ChangedFields.between(null, null);

    assertThat(changed).isEmpty();
  }

  @Test
  void listsChangedAddedAndRemovedFieldsOfAnUpdate() {
    Map<String, Object> before = Map.of("same", 1, "changed", "a", "removed", true);
    Map<String, Object> after = Map.of("same", 1, "changed", "b", "added", false);

    List<String> changed = ChangedFields.between(before, after);

    assertThat(changed).containsExactly("added", "changed", "removed");
  }

  @Test
  void marksTheTopLevelFieldOfANestedChange() {
    Map<String, Object> before = Map.of("address", Map.of("city", "Paris", "zip", "75001"));
    Map<String, Object> after = Map.of("address", Map.of("city", "Lyon", "zip", "75001"));

    List<String> changed = ChangedFields.between(before, after);

    assertThat(changed).containsExactly("address");
  }

  @Test
  void treatsAnExplicitNullAndAMissingFieldAsDifferent() {
    Map<String, Object> before = new HashMap<>();
    before.put("note", null);

    List<String> changed = ChangedFields.between(before, Map.of());

    assertThat(changed).containsExactly("note");
  }

  @Test
  void comparesValuesAfterNormalization() {
    Map<String, Object> before = Map.of("count", 1, "tags", new String[] {"a"});
    Map<String, Object> after = Map.of("count", 1L, "tags", List.of("a"));

    List<String> changed = ChangedFields.between(before, after);

    assertThat(changed).isEmpty();
  }
}
