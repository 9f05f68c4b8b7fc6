package dev.firetap.log.internal;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.WriteBatch;
import dev.firetap.event.LogEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores error-level log events permanently as documents of one Firestore collection (by default
 * {@code firetap_errors}), named by the event id so that a retried write never makes a duplicate.
 *
 * <p>Events are written in batches by one background thread, retried with backoff; the caller only
 * hands them over. These writes are Firetap's own and never produce change events.
 */
public final class ErrorArchive implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ErrorArchive.class);
  private static final int CAPACITY = 10_000;
  private static final int MAX_BATCH = 500;
  private static final int MAX_ATTEMPTS = 8;
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final BlockingQueue<LogEvent> queue;
  private final Supplier<Firestore> firestoreSupplier;
  private final String collection;
  private final Duration shutdownTimeout;
  private final Thread thread;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closing;
  private Firestore firestore;

  private ErrorArchive(
      Supplier<Firestore> firestore, String collection, Duration shutdownTimeout, String service) {
    this.queue = new ArrayBlockingQueue<>(CAPACITY);
    this.firestoreSupplier = firestore;
    this.collection = collection;
    this.shutdownTimeout = shutdownTimeout;
    this.thread = new Thread(this::run, "firetap-errors-" + service);
    thread.setDaemon(true);
  }

  /**
   * Starts an archive writing to {@code collection}. When {@code firestore} is null, the client is
   * made on the archive's thread at the first error, from the environment ({@code
   * FirestoreOptions.getDefaultInstance()}: the project and credentials of the machine, or {@code
   * FIRESTORE_EMULATOR_HOST}).
   */
  public static ErrorArchive start(
      Firestore firestore, String collection, Duration shutdownTimeout, String service) {
    Supplier<Firestore> supplier =
        firestore != null
            ? () -> firestore
            : () -> FirestoreOptions.getDefaultInstance().getService();
    ErrorArchive archive = new ErrorArchive(supplier, collection, shutdownTimeout, service);
    archive.thread.start();
    return archive;
  }

  /**
   * An archive that stores nothing, for {@code firetap.errors.enabled=false}. Links no Firestore
   * type: the agent's instance has one, in applications that may have no Firestore client.
   */
  public static ErrorArchive disabled() {
    return new ErrorArchive(noClient(), "", Duration.ZERO, "disabled");
  }

  // Generic, so that the lambda's method returns Object: one returning Firestore would load it.
  private static <T> Supplier<T> noClient() {
    return () -> null;
  }

  /** Hands an error event over for storing; never blocks. */
  public void store(LogEvent event) {
    if (!thread.isAlive() || closing) {
      return;
    }
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /** Error events stored so far. */
  public long stored() {
    return stored.get();
  }

  /** Error events that could not be stored: queue full, or Firestore refused them every time. */
  public long dropped() {
    return dropped.get();
  }

  private void run() {
    List<LogEvent> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        LogEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        storeWithRetry(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void storeWithRetry(List<LogEvent> batch) throws InterruptedException {
    long backoffMillis = 200;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        commit(batch);
        stored.addAndGet(batch.size());
        return;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        if (attempt == MAX_ATTEMPTS || closing) {
          dropped.addAndGet(batch.size());
          log.error(
              "cannot store {} error events in Firestore collection {} after {} attempts;"
                  + " they remain in the Redis error stream",
              batch.size(),
              collection,
              attempt,
              e);
          return;
        }
        log.warn(
            "cannot store {} error events in Firestore collection {} (attempt {} of {}): {}",
            batch.size(),
            collection,
            attempt,
            MAX_ATTEMPTS,
            e.toString());
        Thread.sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis));
        backoffMillis = Math.min(backoffMillis * 2, 30_000);
      }
    }
  }

  private void commit(List<LogEvent> batch)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (firestore == null) {
      firestore = firestoreSupplier.get();
    }
    WriteBatch write = firestore.batch();
    for (LogEvent event : batch) {
      write.set(firestore.collection(collection).document(event.id()), ErrorDocument.of(event));
    }
    write.commit().get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stores what is queued within the shutdown timeout, then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(Math.max(1, shutdownTimeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!queue.isEmpty()) {
      log.warn(
          "{} error events were not stored in Firestore collection {} before shutdown;"
              + " they remain in the Redis error stream",
          queue.size(),
          collection);
    }
  }
}
