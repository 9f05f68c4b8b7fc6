package dev.firetap.agent;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An application that knows nothing of Firetap and writes new documents at a steady rate: the main
 * of the child JVMs of the fault scenarios. {@code <emulator host:port> <collection> <writes per
 * second> <seconds> <threads> <timings file> [<padding characters per document> [set|create]]}.
 *
 * <p>Write {@code i} sets (or creates) document {@code <collection>/d<i>}; it is due at {@code i /
 * rate} seconds after the start, whatever happened to the writes before it, so a blocked thread
 * shows as latency. Every write's due time, latency and result go to the timings file ({@code
 * index,due epoch ms,latency µs,OK|FAILED}). The app prints {@code READY} after a first write,
 * {@code DONE} when every write finished, then waits to be killed. With 0 seconds it writes
 * nothing.
 */
public final class LoadApp {
  private static final long WRITE_TIMEOUT_SECONDS = 10;

  private LoadApp() {}

  public static void main(String[] args) throws Exception {
    Firestore db = WritingApp.connect(args[0]);
    String collection = args[1];
    int rate = Integer.parseInt(args[2]);
    int writes = rate * Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    warmUp(db, collection, threads);
    System.out.println("READY");
    String padding = "x".repeat(args.length > 6 ? Integer.parseInt(args[6]) : 0);
    boolean create = args.length > 7 && args[7].equals("create");
    Write write =
        (document, i) -> write(db.collection(collection).document(document), padding, create, i);
    long[] timings = run(write, rate, writes, threads);
    writeTimings(Path.of(args[5]), timings, writes);
    System.out.println("DONE");
    new CountDownLatch(1).await();
  }

  /** Runs the writes; returns due epoch ms, latency µs and 1 for success per write, flattened. */
  /**
   * Writes a few documents from every thread, so that the measured writes run on warm code and open
   * connections.
   */
  private static void warmUp(Firestore db, String collection, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads * 2; i++) {
      DocumentReference document = db.document("zz_warmup/" + collection + i);
      pool.execute(() -> write(document, "", false, 0));
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  /** One write of the load: document id and number. */
  private interface Write {
    boolean run(String document, int i);
  }

  private static long[] run(Write write, int rate, int writes, int threads)
      throws InterruptedException {
    AtomicLongArray timings = new AtomicLongArray(writes * 3);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long startNanos = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    long stepNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(rate, 1);
    for (int t = 0; t < threads; t++) {
      int first = t;
      pool.execute(
          () -> {
            for (int i = first; i < writes; i += threads) {
              long due = startNanos + i * stepNanos;
              LockSupport.parkNanos(due - System.nanoTime());
              boolean ok = write.run("d" + i, i);
              timings.set(i * 3, startMillis + TimeUnit.NANOSECONDS.toMillis(i * stepNanos));
              timings.set(i * 3 + 1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
              timings.set(i * 3 + 2, ok ? 1 : 0);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    long[] copy = new long[writes * 3];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = timings.get(i);
    }
    return copy;
  }

  private static boolean write(DocumentReference document, String padding, boolean create, int i) {
    Map<String, Object> fields = Map.of("n", i, "note", "write " + i + padding);
    try {
      (create ? document.create(fields) : document.set(fields))
          .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      System.out.println("FAILED-WRITE " + i + " " + e);
      return false;
    }
  }

  private static void writeTimings(Path file, long[] timings, int writes) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      for (int i = 0; i < writes; i++) {
        String result = timings[i * 3 + 2] == 1 ? "OK" : "FAILED";
        out.println(i + "," + timings[i * 3] + "," + timings[i * 3 + 1] + "," + result);
      }
    }
  }
}
