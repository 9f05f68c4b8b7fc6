package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrozenMapTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8, 9, 17, 300})
  void readsLikeALinkedHashMapOfTheSameEntries(int size) {
    LinkedHashMap<String, Object> expected = entries(size);

    Map<String, Object> built = build(expected);
    Map<String, Object> distinct =
        FrozenMap.ofDistinct(
            expected.keySet().toArray(new String[0]), expected.values().toArray(new Object[0]));

    for (Map<String, Object> map : List.of(built, distinct)) {
      assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(size);
      assertThat(map.toString()).isEqualTo(expected.toString());
      assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
      for (String key : expected.keySet()) {
        assertThat(map.get(new String(key))).isEqualTo(expected.get(key));
        assertThat(map.containsKey(new String(key))).isTrue();
      }
      assertThat(map.get("absent")).isNull();
      assertThat(map.containsKey("absent")).isFalse();
      assertThat(map.containsKey(null)).isFalse();
      assertThat(map.get(7)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 8, 9, 300})
  void ofDistinctRefusesARepeatedKey(int size) {
    String[] keys = entries(size).keySet().toArray(new String[0]);
    keys[size - 1] = new String(keys[0]);

    assertThat(FrozenMap.ofDistinct(keys, new Object[size])).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 12, 40})
  void builderFindsAndReplacesEntriesInPlace(int size) {
    FrozenMap.Builder builder = new FrozenMap.Builder();
    entries(size).forEach(builder::add);

    int index = builder.indexOf(new String("k1"));
    builder.set(index, "replaced");

    assertThat(index).isEqualTo(1);
    assertThat(builder.indexOf("absent")).isEqualTo(-1);
    assertThat(builder.build()).containsEntry("k1", "replaced").hasSize(size);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20})
  void cannotBeChanged(int size) {
    Map<String, Object> map = build(entries(size));
    Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
    Map.Entry<String, Object> first = entries.next();

    assertThatThrownBy(() -> map.put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("k0")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.setValue(1)).isInstanceOf(UnsupportedOperationException.class);
  }

  private static LinkedHashMap<String, Object> entries(int size) {
    LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      entries.put("k" + i, i % 3 == 0 ? null : (Object) (long) i);
    }
    return entries;
  }

  private static Map<String, Object> build(Map<String, Object> entries) {
    FrozenMap.Builder builder = new FrozenMap.Builder();
    entries.forEach(builder::add);
    return builder.build();
  }
}
