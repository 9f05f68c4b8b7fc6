package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates 1 to N of documents {@code orders/d0}, {@code orders/d1}, ..., which a sharded collection
 * spreads over its shard streams, and what a tail saw of them: each update once, and the updates of
 * each document in order.
 */
public final class ShardedUpdates {
  private static final ChangeSource SOURCE = new ChangeSource("firetap-test", "localhost", "test");
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final List<String> seen = new ArrayList<>();

  /**
   * Update {@code n} of {@code orders/<document>}: field n from n - 1 to n, committed at
   * 2025-01-01T00:00:00Z plus n milliseconds.
   */
  public static ChangeEvent update(String document, int n) {
    return ChangeEvent.builder(Operation.UPDATE, "orders/" + document)
        .before(Map.of("n", n - 1))
        .after(Map.of("n", n))
        .commitTime(T0.plus(Duration.ofMillis(n)))
        .source(SOURCE)
        .build();
  }

  /** Every update of {@code documents} documents, update 1 of each first, then update 2, .... */
  public static List<ChangeEvent> all(int documents, int updates) {
    List<ChangeEvent> events = new ArrayList<>();
    for (int n = 1; n <= updates; n++) {
      events.addAll(round(documents, n));
    }
    return events;
  }

  /** Update {@code n} of each of {@code documents} documents. */
  public static List<ChangeEvent> round(int documents, int n) {
    List<ChangeEvent> events = new ArrayList<>();
    for (int document = 0; document < documents; document++) {
      events.add(update("d" + document, n));
    }
    return events;
  }

  /**
   * Emits {@code events} with a Firetap instance of {@code config}, which picks each one's shard,
   * and waits until Redis has them all.
   */
  public static void emit(FiretapConfig config, List<ChangeEvent> events) {
    try (Firetap firetap = Firetap.start(config)) {
      events.forEach(event -> assertThat(firetap.emitter().emit(event)).isTrue());
      assertThat(firetap.emitter().flush(Duration.ofSeconds(20))).isTrue();
    }
  }

  /** Records that the tail showed update {@code n} of {@code path}. */
  public synchronized void add(String path, int n) {
    seen.add(path + " " + n);
  }

  /** Records a change event the tail showed. */
  public void add(ChangeEvent event) {
    add(event.path(), ((Number) event.after().get("n")).intValue());
  }

  /** How many updates the tail showed, repeats included. */
  public synchronized int count() {
    return seen.size();
  }

  /**
   * What is wrong with what the tail showed, if it should be updates 1 to {@code updates} of {@code
   * documents} documents: an update missing, shown twice or out of its document's order; empty when
   * nothing is.
   */
  public synchronized List<String> problems(int documents, int updates) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> last = new HashMap<>();
    for (String update : seen) {
      String[] parts = update.split(" ");
      int n = Integer.parseInt(parts[1]);
      int previous = last.getOrDefault(parts[0], 0);
      if (n != previous + 1) {
        problems.add(update + " came after update " + previous);
      }
      last.put(parts[0], Math.max(previous, n));
    }
    for (int document = 0; document < documents; document++) {
      int reached = last.getOrDefault("orders/d" + document, 0);
      if (reached != updates) {
        problems.add("orders/d" + document + " reached update " + reached + " of " + updates);
      }
    }
    return problems;
  }
}
