package dev.firetap.handler.internal;

/**
 * Whether this worker may go on handling the entries of one loop's stream: always for a stream that
 * every worker reads; for a shard, until its lease is lost (see {@link ShardLease}). The threads
 * check it before each entry, so a worker that lost a shard stops after the entry it runs and
 * leaves the rest pending for the new owner.
 */
final class Ownership {
  private volatile boolean lost;

  /** Marks the shard lost: no more entries of it run here until it is taken again. */
  void lose() {
    lost = true;
  }

  /** Marks the shard held again, after its lease was taken. */
  void regain() {
    lost = false;
  }

  boolean isLost() {
    return lost;
  }
}
