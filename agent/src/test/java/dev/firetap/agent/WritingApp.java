package dev.firetap.agent;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.BulkWriter;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.GeoPoint;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.SetOptions;
import com.google.cloud.firestore.WriteBatch;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * An application that knows nothing of Firetap: the main of the child JVM that runs with the agent.
 * {@code <emulator host:port> <scenario>...}; it prints {@code <scenario> OK <result>} or {@code
 * <scenario> FAILED <exception>} for every step, then {@code DONE}, and waits to be killed.
 */
public final class WritingApp {
  static final String PROJECT = "firetap-agent-test";

  /** Characters of a string that leaves a document just under Firestore's 1 MiB limit. */
  static final int LARGE_TEXT = 1_040_000;

  /** Characters of a string that takes a document beyond the limit. */
  static final int OVERSIZED_TEXT = 1_100_000;

  /** Firestore's deepest nesting of maps in a document. */
  static final int DEEPEST = 20;

  /** Documents of the {@code sharded} scenario, {@code parcels/p0} and on. */
  static final int PARCELS = 8;

  /** Writes to each document of the {@code sharded} scenario: a create, then updates. */
  static final int PARCEL_WRITES = 4;

  private final Firestore db;

  private WritingApp(Firestore db) {
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    System.out.println(
        "java.specification.version=" + System.getProperty("java.specification.version"));
    Firestore db = connect(args[0]);
    WritingApp app = new WritingApp(db);
    for (String scenario : Arrays.asList(args).subList(1, args.length)) {
      app.run(scenario);
    }
    app.step("end", () -> db.document("zz_end/done").set(Map.of("done", true)).get());
    System.out.println("DONE");
    new CountDownLatch(1).await();
  }

  /** A client of the emulator at {@code emulatorHost} for the test project. */
  static Firestore connect(String emulatorHost) {
    return FirestoreOptions.newBuilder()
        .setProjectId(PROJECT)
        .setEmulatorHost(emulatorHost)
        .setCredentials(new FirestoreOptions.EmulatorCredentials())
        .build()
        .getService();
  }

  private void run(String scenario) throws Exception {
    switch (scenario) {
      case "create" -> create();
      case "set" -> set();
      case "update" -> update();
      case "delete" -> delete();
      case "add" -> step("add", () -> db.collection("adds").add(Map.of("x", 1)).get().getId());
      case "nested" -> step("nested", () -> set("users/u1/orders/o9", Map.of("total", 5)));
      case "batch" -> batch();
      case "transaction" -> transaction();
      case "bulk" -> bulk();
      case "recursive" -> recursiveDelete();
      case "noop" -> noop();
      case "values" -> step("values", () -> set("values/v1", allValueTypes()));
      case "own" -> step("own", () -> set("firetap_errors/e1", Map.of("a", 1)));
      case "excluded" -> step("excluded", () -> set("ignored_things/i1", Map.of("a", 1)));
      case "large" -> large();
      case "deep" -> step("deep", () -> set("deep/d1", nested(DEEPEST)));
      case "sharded" -> sharded();
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
  }

  private void create() {
    step("create", () -> db.document("creates/c1").create(Map.of("name", "a", "n", 1)).get());
    step("create-again", () -> db.document("creates/c1").create(Map.of("name", "b")).get());
  }

  private void set() {
    step("set-new", () -> set("sets/s1", Map.of("a", 1, "b", "x")));
    step("set-replace", () -> set("sets/s1", Map.of("a", 2)));
    step("merge-new", () -> set("merges/m1", Map.of("a", 1, "b", 1)));
    step(
        "merge",
        () -> db.document("merges/m1").set(Map.of("b", 2, "c", 3), SetOptions.merge()).get());
  }

  private void update() {
    step(
        "update-new",
        () -> set("transforms/t1", Map.of("count", 1, "tags", List.of("x"), "gone", "y")));
    step(
        "update",
        () ->
            db.document("transforms/t1")
                .update(
                    Map.of(
                        "count", FieldValue.increment(2),
                        "tags", FieldValue.arrayUnion("z"),
                        "at", FieldValue.serverTimestamp(),
                        "gone", FieldValue.delete()))
                .get());
  }

  private void delete() {
    step("delete-new", () -> set("deletes/d1", Map.of("a", 1)));
    step("delete", () -> db.document("deletes/d1").delete().get());
    step("delete-kept", () -> set("deletes/d2", Map.of("a", 2)));
    step(
        "delete-precondition",
        () ->
            db.document("deletes/d2")
                .delete(Precondition.updatedAt(Timestamp.ofTimeSecondsAndNanos(1, 0)))
                .get());
  }

  private void batch() {
    WriteBatch batch = db.batch();
    for (int i = 1; i <= 3; i++) {
      batch.set(db.document("batches/b" + i), Map.of("i", i));
    }
    step("batch", () -> batch.commit().get().size());
  }

  private void transaction() {
    step("transaction-new", () -> set("accounts/a1", Map.of("balance", 10)));
    step(
        "transaction",
        () ->
            db.runTransaction(
                    tx -> {
                      DocumentReference from = db.document("accounts/a1");
                      long balance = tx.get(from).get().getLong("balance");
                      tx.update(from, "balance", balance - 3);
                      tx.create(db.document("accounts/a2"), Map.of("balance", 3));
                      return balance - 3;
                    })
                .get());
    step(
        "transaction-throws",
        () ->
            db.runTransaction(
                    tx -> {
                      tx.set(db.document("failedtx/f1"), Map.of("a", 1));
                      throw new IllegalStateException("refused by the application");
                    })
                .get());
  }

  private void bulk() {
    step(
        "bulk",
        () -> {
          try (BulkWriter writer = db.bulkWriter()) {
            for (int i = 1; i <= 3; i++) {
              writer.create(db.document("bulk/k" + i), Map.of("i", i));
            }
          }
          return 3;
        });
  }

  private void recursiveDelete() {
    step("recursive-new", () -> set("trees/t1", Map.of("a", 1)));
    step("recursive-leaf", () -> set("trees/t1/leaves/l1", Map.of("b", 2)));
    step("recursive", () -> db.recursiveDelete(db.document("trees/t1")).get());
  }

  /** A document near Firestore's size limit, replaced by another; then one beyond the limit. */
  private void large() {
    step("large-new", () -> set("large/l1", Map.of("text", "a".repeat(LARGE_TEXT))));
    step("large-replace", () -> set("large/l1", Map.of("text", "b".repeat(LARGE_TEXT))));
    step("oversized", () -> set("large/l2", Map.of("text", "c".repeat(OVERSIZED_TEXT))));
  }

  /**
   * Creates every parcel with {@code n: 1}, then updates each to 2, 3, ... in rounds, so that the
   * writes of one document interleave with the others'.
   */
  private void sharded() {
    for (int n = 1; n <= PARCEL_WRITES; n++) {
      for (int parcel = 0; parcel < PARCELS; parcel++) {
        DocumentReference document = db.document("parcels/p" + parcel);
        int value = n;
        step(
            "parcel-p" + parcel + "-" + n,
            () ->
                value == 1
                    ? document.create(Map.of("n", 1)).get()
                    : document.update("n", value).get());
      }
    }
  }

  /** Maps nested {@code depth} deep, the innermost holding {@code leaf: true}. */
  static Map<String, Object> nested(int depth) {
    Map<String, Object> value = Map.of("leaf", true);
    for (int i = 1; i < depth; i++) {
      value = Map.of("m", value);
    }
    return value;
  }

  private void noop() {
    step("noop-new", () -> set("noops/n1", Map.of("a", 1)));
    step("noop", () -> set("noops/n1", Map.of("a", 1)));
  }

  private Object set(String path, Map<String, Object> fields) throws Exception {
    return db.document(path).set(fields).get().getUpdateTime();
  }

  private Map<String, Object> allValueTypes() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("string", "text");
    fields.put("boolean", true);
    fields.put("integer", 42L);
    fields.put("double", 1.5);
    fields.put("null", null);
    fields.put("map", Map.of("inner", "v"));
    fields.put("array", List.of(1L, "two"));
    fields.put("timestamp", Timestamp.ofTimeSecondsAndNanos(1_700_000_000L, 123_456_000));
    fields.put("geo", new GeoPoint(48.8566, 2.3522));
    fields.put("reference", db.document("users/u1"));
    fields.put("bytes", Blob.fromBytes(new byte[] {1, 2, 3}));
    return fields;
  }

  private void step(String name, Callable<Object> action) {
    try {
      System.out.println(name + " OK " + action.call());
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.out.println(
          name + " FAILED " + cause.getClass().getName() + ": " + cause.getMessage());
    }
  }
}
