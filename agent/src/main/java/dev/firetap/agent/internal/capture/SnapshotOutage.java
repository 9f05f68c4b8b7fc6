package dev.firetap.agent.internal.capture;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether snapshot reads are worth trying. One capture thread serves every commit, so a Firestore
 * that does not answer would hold each commit's events for a whole read timeout, one commit after
 * the other: a minute of outage with a hundred commits in flight would delay every later event by
 * an hour. After a failed read, commits skip their reads and carry the written fields (as in mode
 * {@code none}) until a probe, one commit's read with a short timeout, succeeds; probes come after
 * {@value #FIRST_PAUSE_MILLIS} ms, then twice as long each time, at most {@value #MAX_PAUSE_MILLIS}
 * ms apart. One WARN when reads start failing, one INFO when they work again. Used by the capture
 * thread only.
 */
final class SnapshotOutage {
  /** How long a read may take while reads work. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** How long a probe may take while they fail. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  static final long FIRST_PAUSE_MILLIS = 1_000;
  static final long MAX_PAUSE_MILLIS = 30_000;

  private static final Logger log = LoggerFactory.getLogger(SnapshotOutage.class);

  private boolean failing;
  private long pauseNanos;
  private long nextProbeNanos;
  private long commitsWithoutReads;

  /**
   * Whether the commit about to be captured at {@code nowNanos} ({@link System#nanoTime()}) should
   * read its documents: always while reads work; during an outage, once the pause since the last
   * failure is over. A commit told no counts as one without reads.
   */
  boolean shouldRead(long nowNanos) {
    if (!failing || nowNanos - nextProbeNanos >= 0) {
      return true;
    }
    commitsWithoutReads++;
    return false;
  }

  /** The timeout of the read {@link #shouldRead} allowed: short for a probe during an outage. */
  Duration timeout() {
    return failing ? PROBE_TIMEOUT : READ_TIMEOUT;
  }

  /** Records that a read failed at {@code nowNanos}, for {@code why}; its commit had no reads. */
  void failed(long nowNanos, Exception why) {
    commitsWithoutReads++;
    if (!failing) {
      failing = true;
      pauseNanos = Duration.ofMillis(FIRST_PAUSE_MILLIS).toNanos();
      log.warn(
          "snapshot reads fail ({}): change events carry the written fields only (as with"
              + " firetap.cdc.snapshots=none) until a read, tried again after {} ms and then less"
              + " and less often, succeeds",
          why.toString(),
          FIRST_PAUSE_MILLIS);
    } else {
      pauseNanos = Math.min(pauseNanos * 2, Duration.ofMillis(MAX_PAUSE_MILLIS).toNanos());
    }
    nextProbeNanos = nowNanos + pauseNanos;
  }

  /** Records that a read succeeded. */
  void succeeded() {
    if (failing) {
      log.info(
          "snapshot reads work again; {} commits were captured without them", commitsWithoutReads);
      failing = false;
      commitsWithoutReads = 0;
    }
  }

  /** True from a failed read until one succeeds. */
  boolean isFailing() {
    return failing;
  }
}
