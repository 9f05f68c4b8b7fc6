package dev.firetap.emit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emitter's counters. Application threads only increment them; the sender thread reports drops,
 * so an application thread never logs on Firetap's behalf.
 */
final class EmitterCounters {
  private static final Logger log = LoggerFactory.getLogger(EmitterCounters.class);
  private static final Duration DROP_REPORT_INTERVAL = Duration.ofSeconds(10);

  private final LongAdder emitted = new LongAdder();
  private final LongAdder settledLocal = new LongAdder();
  private final LongAdder droppedQueueFull = new LongAdder();
  private final LongAdder droppedSpoolFull = new LongAdder();
  private final LongAdder droppedUnencodable = new LongAdder();
  private final LongAdder droppedClosed = new LongAdder();
  private volatile boolean connected;
  private volatile String lastError;
  private volatile Instant lastErrorTime;
  private long reportedDrops;
  private long lastReportNanos = System.nanoTime();

  /** Events written to Redis; {@code local} of them were accepted by this process. */
  void emitted(int count, int local) {
    emitted.add(count);
    settledLocal.add(local);
  }

  long emittedCount() {
    return emitted.sum();
  }

  /** Events accepted by this process that are now in Redis or lost. */
  long settledLocalCount() {
    return settledLocal.sum();
  }

  void droppedQueueFull() {
    droppedQueueFull.increment();
  }

  void droppedClosed() {
    droppedClosed.increment();
  }

  void droppedSpoolFull(int count, int local) {
    droppedSpoolFull.add(count);
    settledLocal.add(local);
  }

  void droppedUnencodable() {
    droppedUnencodable.increment();
    settledLocal.increment();
  }

  long droppedCount() {
    return droppedQueueFull.sum()
        + droppedSpoolFull.sum()
        + droppedUnencodable.sum()
        + droppedClosed.sum();
  }

  void connected() {
    connected = true;
  }

  void failed(Throwable error) {
    connected = false;
    lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
    lastErrorTime = Instant.now();
  }

  boolean isConnected() {
    return connected;
  }

  String lastError() {
    return lastError;
  }

  Instant lastErrorTime() {
    return lastErrorTime;
  }

  /**
   * Logs the drops since the last report at ERROR, at most once per interval. Sender thread only.
   */
  void reportDrops(String service, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastReportNanos < DROP_REPORT_INTERVAL.toNanos()) {
      return;
    }
    long total = droppedCount();
    long fresh = total - reportedDrops;
    lastReportNanos = now;
    if (fresh == 0) {
      return;
    }
    reportedDrops = total;
    log.error(
        "{}: {} events lost ({} since start: {} queue full, {} spool full, {} not encodable,"
            + " {} after close); raise firetap.queue.capacity or firetap.spool.max-bytes",
        service,
        fresh,
        total,
        droppedQueueFull.sum(),
        droppedSpoolFull.sum(),
        droppedUnencodable.sum(),
        droppedClosed.sum());
  }
}
