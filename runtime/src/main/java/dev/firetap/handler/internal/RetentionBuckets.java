package dev.firetap.handler.internal;

import java.time.Duration;

/**
 * Completion records and handled commit times are kept in hashes of a quarter of the dedupe
 * retention each, so a batch writes one field per event into one hash instead of one key per event,
 * and a whole hash expires at once. A record written at time t lives in the bucket of t, which
 * expires {@code retention} after the bucket ends: every record is kept at least the retention and
 * at most a quarter longer. A lookup reads every bucket that may still hold records.
 *
 * @param bucketMillis how long one bucket takes records, at least a second
 * @param retentionMillis how long a record must be kept
 */
record RetentionBuckets(long bucketMillis, long retentionMillis) {
  private static final long SHARES = 4;
  private static final long SHORTEST_BUCKET_MILLIS = 1000;

  static RetentionBuckets of(Duration retention) {
    long millis = retention.toMillis();
    return new RetentionBuckets(Math.max(SHORTEST_BUCKET_MILLIS, millis / SHARES), millis);
  }

  /** The bucket that takes the records written at {@code nowMillis}. */
  long current(long nowMillis) {
    return nowMillis / bucketMillis;
  }

  /** The first bucket that may still hold a record at {@code nowMillis}. */
  long oldestLive(long nowMillis) {
    return Math.max(0, (nowMillis - retentionMillis) / bucketMillis - 1);
  }

  /** When the bucket's hash expires, in epoch milliseconds. */
  long expiresAtMillis(long bucket) {
    return (bucket + 1) * bucketMillis + retentionMillis;
  }
}
