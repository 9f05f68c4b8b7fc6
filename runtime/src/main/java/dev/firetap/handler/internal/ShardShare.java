package dev.firetap.handler.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shard leases of one handler in this process, counted so that each worker takes only its share
 * of the shards (see {@link ShardLease}).
 *
 * @param shards how many shard streams the handler reads
 * @param held how many of them this process holds now
 * @param renewals the timer that renews the leases, whatever the loops are doing
 */
public record ShardShare(int shards, AtomicInteger held, ScheduledExecutorService renewals) {
  /** A share of {@code shards} streams of which none is held yet, renewed on {@code renewals}. */
  public ShardShare(int shards, ScheduledExecutorService renewals) {
    this(shards, new AtomicInteger(), renewals);
  }

  /** Counts one more lease held, unless this process already holds {@code fairShare}. */
  boolean takeOne(long fairShare) {
    int now = held.get();
    while (now < fairShare) {
      if (held.compareAndSet(now, now + 1)) {
        return true;
      }
      now = held.get();
    }
    return false;
  }

  /** Counts one lease less, if this process holds more than {@code fairShare}. */
  boolean giveUpOne(long fairShare) {
    int now = held.get();
    while (now > fairShare) {
      if (held.compareAndSet(now, now - 1)) {
        return true;
      }
      now = held.get();
    }
    return false;
  }
}
