package dev.firetap.handler.internal;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which worker reads one shard stream of a handler: the holder of the shard's lease, {@code
 * <prefix>:lease:{<stream>}:<handlerId>}, taken with SET NX PX and renewed by its owner. So one
 * worker at a time handles a shard, and a document's events, all on one shard, run in order even
 * across workers. When the owner dies, its lease expires and another worker takes the shard and the
 * entries left pending.
 *
 * <p>Workers spread the shards evenly: every worker's loop of a shard records the worker in {@code
 * <prefix>:workers:{<stream>}:<handlerId>} (a sorted set of last-seen times), and a worker that
 * holds more than its share ({@code ceil(shards / workers)}) lets one go, after finishing what it
 * runs, so a worker that joins gets shards within a lease period or two. Every key is in the slot
 * of the stream, so the loop's own connection reaches it in a cluster.
 */
final class ShardLease {
  private static final Logger log = LoggerFactory.getLogger(ShardLease.class);
  private static final String RENEW =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then"
          + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end"
          + " return 0";

  private final LoopContext loop;
  private final ShardShare share;
  private final byte[] leaseKey;
  private final byte[] workersKey;
  private final byte[] owner;
  private final Duration ttl;
  private long nextTickNanos = System.nanoTime();
  private boolean held;

  ShardLease(LoopContext loop, ShardShare share) {
    this.loop = loop;
    this.share = share;
    this.leaseKey = Bytes.of(loop.keys().lease(loop.stream(), loop.handlerId()));
    this.workersKey = Bytes.of(loop.keys().workers(loop.stream(), loop.handlerId()));
    this.owner = Bytes.of(loop.consumerName());
    // Renewed only between batches: three claim-idle periods leave room for a slow batch.
    this.ttl = loop.options().claimIdle().multipliedBy(3).plus(loop.options().block());
  }

  /** How long the loop waits between attempts while another worker holds the shard. */
  Duration retryPause() {
    return loop.options().claimIdle().dividedBy(3);
  }

  /**
   * Whether this worker owns the shard now; takes, renews or gives up the lease when due. Before it
   * gives the lease up, {@code drain} finishes what the loop runs.
   *
   * @return true when the loop may read the shard
   */
  boolean own(HandlerConnection connection, Runnable drain) {
    if (System.nanoTime() - nextTickNanos < 0) {
      return held;
    }
    nextTickNanos = System.nanoTime() + retryPause().toNanos();
    long workers = connection.call(this::liveWorkers);
    long fairShare = (share.shards() + workers - 1) / Math.max(1, workers);
    if (held && share.giveUpOne(fairShare)) {
      drain.run();
      connection.call(commands -> commands.eval(RELEASE, ScriptOutputType.INTEGER, keys(), owner));
      held = false;
      log.info("handler {}: gave {} up for a worker that joined", loop.handlerId(), loop.stream());
    } else if (held && !renewed(connection)) {
      held = false;
      share.held().decrementAndGet();
      log.info("handler {}: lost the lease on {}", loop.handlerId(), loop.stream());
    } else if (!held && share.takeOne(fairShare)) {
      held = taken(connection);
      if (!held) {
        share.held().decrementAndGet();
      } else {
        log.info("handler {}: this worker now reads {}", loop.handlerId(), loop.stream());
      }
    }
    return held;
  }

  private long liveWorkers(RedisCommands<byte[], byte[]> commands) {
    long now = System.currentTimeMillis();
    commands.zadd(workersKey, now, owner);
    commands.zremrangebyscore(
        workersKey, Range.create(Double.NEGATIVE_INFINITY, (double) (now - ttl.toMillis())));
    commands.pexpire(workersKey, ttl.multipliedBy(2).toMillis());
    return commands.zcard(workersKey);
  }

  private boolean renewed(HandlerConnection connection) {
    byte[] millis = Bytes.of(Long.toString(ttl.toMillis()));
    Long renewed =
        connection.call(
            commands -> commands.eval(RENEW, ScriptOutputType.INTEGER, keys(), owner, millis));
    return renewed != null && renewed == 1;
  }

  private boolean taken(HandlerConnection connection) {
    SetArgs args = SetArgs.Builder.nx().px(ttl.toMillis());
    return "OK".equals(connection.call(commands -> commands.set(leaseKey, owner, args)));
  }

  /** Gives the lease up at shutdown, so another worker takes the shard at once. Never throws. */
  void release(HandlerConnection connection) {
    if (!held) {
      return;
    }
    try {
      connection.once(commands -> commands.eval(RELEASE, ScriptOutputType.INTEGER, keys(), owner));
    } catch (RuntimeException e) {
      log.debug(
          "handler {}: lease on {} not released; it expires", loop.handlerId(), loop.stream());
    }
    held = false;
    share.held().decrementAndGet();
  }

  private byte[][] keys() {
    return new byte[][] {leaseKey};
  }
}
