package dev.firetap.benchmarks.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapUnderLoadTest {
  private static final long MB = 1024 * 1024;

  @Test
  void slopeOfAHeapGrowingOneMegabyteEveryFiveSecondsIsTwelvePerMinute() {
    HeapUnderLoad.Load load =
        new HeapUnderLoad.Load(
            List.of(5L, 10L, 15L, 20L),
            List.of(20 * MB, 21 * MB, 22 * MB, 23 * MB),
            List.of(0L, 0L, 0L, 0L),
            1,
            1,
            0);

    assertThat(load.heapSlopePerMinute() / MB).isCloseTo(12.0, within(1e-9));
  }

  @Test
  void aFlatHeapHasNoSlopeAndItsMedianIsItsLevel() {
    HeapUnderLoad.Load load =
        new HeapUnderLoad.Load(
            List.of(5L, 10L, 15L),
            List.of(20 * MB, 20 * MB, 20 * MB),
            List.of(0L, 0L, 0L),
            1,
            1,
            0);

    assertThat(load.heapSlopePerMinute()).isZero();
    assertThat(load.medianHeap()).isEqualTo(20.0 * MB);
  }

  @Test
  void allocationRateIsMeasuredBetweenTheFirstAndTheLastSample() {
    HeapUnderLoad.Load load =
        new HeapUnderLoad.Load(
            List.of(5L, 10L, 15L),
            List.of(MB, MB, MB),
            List.of(100 * MB, 150 * MB, 200 * MB),
            1,
            1,
            0);

    assertThat(load.allocationPerSecond() / MB).isEqualTo(10.0);
  }
}
