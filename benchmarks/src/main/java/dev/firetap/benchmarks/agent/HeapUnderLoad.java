package dev.firetap.benchmarks.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap and allocation of {@link LoadApp} at a steady rate, with the agent (capturing every change
 * through Firetap) and without it (the same work without Firetap), both JVMs running at once for
 * the same span.
 */
final class HeapUnderLoad {
  private final AppCommand plain;
  private final AppCommand agent;

  HeapUnderLoad(AppCommand plain, AppCommand agent) {
    this.plain = plain;
    this.agent = agent;
  }

  /** What each JVM reported: index 0 without the agent, index 1 with it. */
  Load[] measure(Duration span) throws IOException, InterruptedException {
    try (AppJvm plainJvm = AppJvm.start("load plain", plain);
        AppJvm agentJvm = AppJvm.start("load agent", agent)) {
      Duration timeout = span.plusMinutes(2);
      return new Load[] {Load.read(plainJvm, timeout), Load.read(agentJvm, timeout)};
    }
  }

  /**
   * One JVM's samples.
   *
   * @param seconds when each sample was taken, after the warm-up
   * @param heapBytes heap used after a full GC, at each sample
   * @param allocatedBytes bytes allocated by all threads since the JVM started, at each sample
   * @param events changes made, warm-up included
   * @param emitted events Firetap wrote to Redis (0 without the agent)
   * @param dropped events Firetap dropped
   */
  record Load(
      List<Long> seconds,
      List<Long> heapBytes,
      List<Long> allocatedBytes,
      long events,
      long emitted,
      long dropped) {
    /** Copies the lists. */
    Load {
      seconds = List.copyOf(seconds);
      heapBytes = List.copyOf(heapBytes);
      allocatedBytes = List.copyOf(allocatedBytes);
    }

    private static Load read(AppJvm jvm, Duration timeout) {
      List<Long> seconds = new ArrayList<>();
      List<Long> heap = new ArrayList<>();
      List<Long> allocated = new ArrayList<>();
      while (true) {
        String[] line =
            jvm.awaitLine(text -> text.startsWith("sample ") || text.startsWith("done "), timeout)
                .split(" ");
        if (line[0].equals("done")) {
          return new Load(
              seconds,
              heap,
              allocated,
              Long.parseLong(line[1]),
              Long.parseLong(line[2]),
              Long.parseLong(line[3]));
        }
        seconds.add(Long.parseLong(line[1]));
        heap.add(Long.parseLong(line[2]));
        allocated.add(Long.parseLong(line[3]));
      }
    }

    /** Bytes allocated per second between the first and the last sample. */
    double allocationPerSecond() {
      int last = seconds.size() - 1;
      return (double) (allocatedBytes.get(last) - allocatedBytes.get(0))
          / (seconds.get(last) - seconds.get(0));
    }

    /** The median heap after GC, in bytes. */
    double medianHeap() {
      List<Long> sorted = new ArrayList<>(heapBytes);
      sorted.sort(null);
      return sorted.get(sorted.size() / 2);
    }

    /** The least-squares slope of the heap after GC, in bytes per minute. */
    double heapSlopePerMinute() {
      int n = seconds.size();
      double meanX = seconds.stream().mapToLong(Long::longValue).average().orElse(0);
      double meanY = heapBytes.stream().mapToLong(Long::longValue).average().orElse(0);
      double covariance = 0;
      double variance = 0;
      for (int i = 0; i < n; i++) {
        double dx = seconds.get(i) - meanX;
        covariance += dx * (heapBytes.get(i) - meanY);
        variance += dx * dx;
      }
      return variance == 0 ? 0 : covariance / variance * 60;
    }
  }
}
