package dev.firetap.benchmarks.agent;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.WriteBatch;
import dev.firetap.benchmarks.Profiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import jdk.jfr.Recording;

/**
 * An application that knows nothing of Firetap and writes to the Firestore emulator when told to:
 * the child JVM of the write latency benchmark, run with and without the agent. Arguments: {@code
 * <emulator host:port> <project> <variant>}; the variant names its collections, {@code
 * writes_<variant>} and {@code batches_<variant>}.
 *
 * <p>It reads commands from standard input, one a line, and answers each with one line:
 *
 * <ul>
 *   <li>{@code round <n>}: n sets of a small document, then n batches of three sets, each commit
 *       timed on its own; answers {@code ok <set cpu ns> <batch cpu ns> <set latencies ns> <batch
 *       latencies ns>}, latencies comma-separated, CPU time of this thread for all n;
 *   <li>{@code profile} and {@code unprofile <file>}: start a JFR recording, and stop it and write
 *       it to the file (once);
 *   <li>{@code quit}.
 * </ul>
 */
public final class WritingApp {
  private static final int DOCUMENTS = 50;

  private final Firestore db;
  private final String writes;
  private final String batches;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Recording recording = Profiles.newRecording();
  private long counter;

  private WritingApp(Firestore db, String variant) {
    this.db = db;
    this.writes = "writes_" + variant;
    this.batches = "batches_" + variant;
  }

  public static void main(String[] args) throws Exception {
    Firestore db =
        FirestoreOptions.newBuilder()
            .setProjectId(args[1])
            .setEmulatorHost(args[0])
            .setCredentials(new FirestoreOptions.EmulatorCredentials())
            .build()
            .getService();
    WritingApp app = new WritingApp(db, args[2]);
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    for (String command = commands.readLine();
        command != null && !command.equals("quit");
        command = commands.readLine()) {
      System.out.println(app.answer(command.split(" ")));
    }
    db.close();
  }

  private String answer(String[] command) throws Exception {
    return switch (command[0]) {
      case "round" -> round(Integer.parseInt(command[1]));
      case "profile" -> {
        recording.start();
        yield "ok";
      }
      case "unprofile" -> {
        recording.stop();
        recording.dump(Path.of(command[1]));
        yield "ok";
      }
      default -> "error unknown command " + String.join(" ", command);
    };
  }

  private String round(int commits) throws Exception {
    long[] sets = new long[commits];
    long setCpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < commits; i++) {
      sets[i] = timed(this::set);
    }
    setCpu = threads.getCurrentThreadCpuTime() - setCpu;
    long[] batched = new long[commits];
    long batchCpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < commits; i++) {
      batched[i] = timed(this::batch);
    }
    batchCpu = threads.getCurrentThreadCpuTime() - batchCpu;
    return "ok %d %d %s %s".formatted(setCpu, batchCpu, joined(sets), joined(batched));
  }

  private void set() throws ExecutionException, InterruptedException {
    long n = counter++;
    db.collection(writes).document("d" + n % DOCUMENTS).set(fields(n)).get();
  }

  private void batch() throws ExecutionException, InterruptedException {
    long n = counter++;
    WriteBatch batch = db.batch();
    for (int i = 0; i < 3; i++) {
      batch.set(db.collection(batches).document("b" + (n % DOCUMENTS) + "-" + i), fields(n));
    }
    batch.commit().get();
  }

  /** A small document that differs from the last one written, so each write is a change. */
  private static Map<String, Object> fields(long n) {
    return Map.of("status", "paid", "total", n, "items", 3);
  }

  private static long timed(Commit commit) throws Exception {
    long start = System.nanoTime();
    commit.run();
    return System.nanoTime() - start;
  }

  private static String joined(long[] values) {
    return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(","));
  }

  /** One write and its wait for the server's answer. */
  @FunctionalInterface
  private interface Commit {
    void run() throws Exception;
  }
}
