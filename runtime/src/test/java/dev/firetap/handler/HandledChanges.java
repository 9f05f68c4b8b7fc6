package dev.firetap.handler;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the change handlers of every worker ran, in the order they ran it. */
final class HandledChanges {
  private final List<String> runs = new CopyOnWriteArrayList<>();
  private final Map<String, Set<Integer>> byDocument = new ConcurrentHashMap<>();
  private final Set<String> workers = ConcurrentHashMap.newKeySet();

  /** Records that {@code worker} ran {@code event}, an update made by {@link TestEvents#order}. */
  void add(String worker, ChangeEvent event) {
    int n = ((Number) event.after().get("n")).intValue();
    runs.add(event.documentId() + " " + n);
    byDocument.computeIfAbsent(event.documentId(), d -> ConcurrentHashMap.newKeySet()).add(n);
    workers.add(worker);
  }

  /**
   * Starts a worker whose handler {@code audit} of every change of {@code orders}, on 4 threads
   * with {@link TestEvents#quick()} options, records what it runs as {@code worker}.
   */
  HandlerRuntime startWorker(FiretapConfig config, String worker) {
    return HandlerRuntime.builder(config)
        .onChange("audit", "orders", Set.of(Operation.values()), (event, d) -> add(worker, event))
        .options("audit", TestEvents.quick().withThreads(4))
        .start();
  }

  /** How many different updates ran. */
  long distinct() {
    return byDocument.values().stream().mapToLong(Set::size).sum();
  }

  /** The workers that ran at least one update. */
  Set<String> workers() {
    return workers;
  }

  /**
   * The first update of a document that ran after a later update of it had run; empty when each
   * document's updates ran in order (a repeat of the latest one aside: delivery is at least once).
   */
  String firstOutOfOrder() {
    Map<String, Integer> last = new ConcurrentHashMap<>();
    for (String run : runs) {
      String[] parts = run.split(" ");
      int n = Integer.parseInt(parts[1]);
      int previous = last.getOrDefault(parts[0], 0);
      if (n < previous) {
        return run + " ran after update " + previous;
      }
      last.put(parts[0], n);
    }
    return "";
  }
}
