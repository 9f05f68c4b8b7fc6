package dev.firetap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
  @TempDir Path directory;

  @Test
  void readsBackNestedObjectsInTheirOrder() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("zeta", 1L);
    figures.put("alpha", List.of(0.5, "text", true));
    figures.put("nested", Map.of("p99", 25.718));
    Path file = directory.resolve("figures.json");

    Results.write(file, figures);
    Object read = Results.read(file);

    assertThat(read).isEqualTo(figures);
    assertThat(((Map<?, ?>) read).keySet().stream().map(String::valueOf))
        .containsExactly("zeta", "alpha", "nested");
  }

  @Test
  void percentileOfSortedValuesTakesTheValueAtThatFraction() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    assertThat(Results.percentile(sorted, 0.5)).isEqualTo(6);
    assertThat(Results.percentile(sorted, 0.99)).isEqualTo(10);
    assertThat(Results.percentile(sorted, 1.0)).isEqualTo(10);
  }

  @Test
  void medianIsTheUpperMiddleValue() {
    assertThat(Results.median(List.of(3.0, 1.0, 2.0, 4.0))).isEqualTo(3.0);
  }
}
