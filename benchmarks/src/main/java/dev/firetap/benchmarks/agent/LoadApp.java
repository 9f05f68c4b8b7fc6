package dev.firetap.benchmarks.agent;

import dev.firetap.Firetap;
import dev.firetap.cdc.Change;
import dev.firetap.emit.EmitterStats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of the heap benchmark: an application that changes documents at a steady rate and,
 * when the agent runs Firetap in it, captures each change through the runtime API. Without the
 * agent it does the same work (building the documents and keeping the last thousand) without
 * Firetap.
 *
 * <p>Arguments: {@code <events per second> <warm-up s> <measured s> <sample every s>
 * firetap|plain}. After the warm-up it prints {@code sample <s> <heap used after a full GC> <bytes
 * allocated by all threads so far>} every few seconds, then {@code done <events> <emitted>
 * <dropped>}, and exits.
 */
public final class LoadApp {
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int KEPT = 1000;

  private final int perTick;
  private final Optional<Firetap> firetap;
  private final Object[] kept = new Object[KEPT];
  private long events;

  private LoadApp(int perSecond, Optional<Firetap> firetap) {
    this.perTick = perSecond / 1000;
    this.firetap = firetap;
  }

  public static void main(String[] args) throws InterruptedException {
    int perSecond = Integer.parseInt(args[0]);
    Duration warmUp = Duration.ofSeconds(Long.parseLong(args[1]));
    long seconds = Long.parseLong(args[2]);
    long every = Long.parseLong(args[3]);
    Optional<Firetap> firetap =
        args[4].equals("firetap") ? Optional.of(awaitFiretap()) : Optional.empty();
    LoadApp app = new LoadApp(perSecond, firetap);

    app.run(warmUp);
    for (long elapsed = every; elapsed <= seconds; elapsed += every) {
      app.run(Duration.ofSeconds(every));
      System.out.printf("sample %d %d %d%n", elapsed, heapAfterGc(), allocatedBytes());
    }
    System.out.printf("done %d %s%n", app.events, app.finish());
  }

  /** The agent's instance, which it starts on a thread of its own shortly after premain. */
  private static Firetap awaitFiretap() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Firetap.global().isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("the agent's Firetap did not start within 30 s");
      }
      Thread.sleep(10);
    }
    return Firetap.global().get();
  }

  /** Changes {@code perTick} documents every millisecond for {@code span}, catching up if late. */
  private void run(Duration span) {
    long start = System.nanoTime();
    long ticks = span.toNanos() / TICK_NANOS;
    for (long tick = 0; tick < ticks; tick++) {
      long due = start + tick * TICK_NANOS;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      for (int i = 0; i < perTick; i++) {
        change();
      }
    }
  }

  private void change() {
    long n = events++;
    String id = "o" + (n % KEPT);
    Map<String, Object> before = Map.of("status", "placed", "total", n, "items", 3);
    Map<String, Object> after = Map.of("status", "paid", "total", n, "items", 3);
    kept[(int) (n % KEPT)] = after;
    firetap.ifPresent(
        instance ->
            instance.changes().capture(Change.update("orders", id).before(before).after(after)));
  }

  /** Delivers what Firetap holds and returns {@code <emitted> <dropped>}; {@code 0 0} without. */
  private String finish() {
    return firetap
        .map(
            instance -> {
              instance.emitter().flush(Duration.ofSeconds(30));
              EmitterStats stats = instance.emitter().stats();
              return stats.emitted() + " " + stats.dropped();
            })
        .orElse("0 0");
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }
}
