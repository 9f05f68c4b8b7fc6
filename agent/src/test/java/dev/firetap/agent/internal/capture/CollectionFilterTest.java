package dev.firetap.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.config.FiretapConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionFilterTest {

  @Test
  void capturesEveryCollectionButFiretapsOwnByDefault() {
    CollectionFilter filter = CollectionFilter.of(FiretapConfig.defaults());

    assertThat(filter.captures("orders")).isTrue();
    assertThat(filter.captures("firetap_errors")).isFalse();
  }

  @Test
  void appliesIncludeGlobsThenExcludeGlobs() {
    CollectionFilter filter =
        CollectionFilter.of(
            FiretapConfig.fromMap(
                Map.of("firetap.cdc.include", "user*,ord?rs", "firetap.cdc.exclude", "users_tmp")));

    assertThat(filter.captures("users")).isTrue();
    assertThat(filter.captures("orders")).isTrue();
    assertThat(filter.captures("users_tmp")).isFalse();
    assertThat(filter.captures("ordinaryrs")).isFalse();
    assertThat(filter.captures("payments")).isFalse();
  }

  @Test
  void treatsRegularExpressionCharactersLiterally() {
    CollectionFilter filter =
        CollectionFilter.of(FiretapConfig.fromMap(Map.of("firetap.cdc.include", "a.b*")));

    assertThat(filter.captures("a.b.c")).isTrue();
    assertThat(filter.captures("axb")).isFalse();
  }
}
