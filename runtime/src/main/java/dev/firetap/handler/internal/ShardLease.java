package dev.firetap.handler.internal;

import dev.firetap.redis.RedisConnector;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which worker reads one shard stream of a handler: the holder of the shard's lease, {@code
 * <prefix>:lease:{<stream>}:<handlerId>}, taken with SET NX PX. So one worker at a time handles a
 * shard, and a document's events, all on one shard, run in order even across workers. When the
 * owner dies, its lease expires and another worker takes the shard and the entries left pending.
 *
 * <p>The owner renews the lease from a timer, on a connection of its own, whatever its loop is
 * doing, so a batch that runs longer than the lease keeps the shard. A renewal that finds the lease
 * gone or another's, or that has failed for longer than the lease lasts, marks the shard lost: the
 * loop's threads stop after the entry they run (see {@link Ownership}).
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
  private final HandlerConnection renewer;
  private final ScheduledFuture<?> renewals;
  private final byte[] leaseKey;
  private final byte[] workersKey;
  private final byte[] owner;
  private final Duration ttl;
  private long nextTickNanos = System.nanoTime();
  private boolean held;
  private long renewedNanos;

  ShardLease(LoopContext loop, ShardShare share, RedisConnector connector) {
    this.loop = loop;
    this.share = share;
    this.leaseKey = Bytes.of(loop.keys().lease(loop.stream(), loop.handlerId()));
    this.workersKey = Bytes.of(loop.keys().workers(loop.stream(), loop.handlerId()));
    this.owner = Bytes.of(loop.consumerName());
    this.ttl = loop.options().claimIdle().multipliedBy(3).plus(loop.options().block());
    this.renewer = new HandlerConnection(connector, loop.stream(), loop.outage(), loop.stop());
    long period = retryPause().toNanos();
    this.renewals =
        share
            .renewals()
            .scheduleWithFixedDelay(this::renewOnTimer, period, period, TimeUnit.NANOSECONDS);
  }

  /** How long the loop waits between attempts while another worker holds the shard. */
  Duration retryPause() {
    return loop.options().claimIdle().dividedBy(3);
  }

  /**
   * Whether this worker owns the shard now; takes or gives up the lease when due, and notices a
   * lease lost. Before it gives the lease up, {@code drain} finishes what the loop runs.
   *
   * @return true when the loop may read the shard
   */
  boolean own(HandlerConnection connection, Runnable drain) {
    if (System.nanoTime() - nextTickNanos < 0 && !loop.ownership().isLost()) {
      return isHeld();
    }
    nextTickNanos = System.nanoTime() + retryPause().toNanos();
    long workers = connection.call(this::liveWorkers);
    long fairShare = (share.shards() + workers - 1) / Math.max(1, workers);
    if (isHeld() && loop.ownership().isLost()) {
      let();
      log.info("handler {}: lost the lease on {}", loop.handlerId(), loop.stream());
    } else if (isHeld() && share.giveUpOne(fairShare)) {
      drain.run();
      giveUp(connection);
      log.info("handler {}: gave {} up for a worker that joined", loop.handlerId(), loop.stream());
    } else if (!isHeld() && share.takeOne(fairShare)) {
      if (take(connection)) {
        log.info("handler {}: this worker now reads {}", loop.handlerId(), loop.stream());
      } else {
        share.held().decrementAndGet();
      }
    }
    return isHeld();
  }

  private long liveWorkers(RedisCommands<byte[], byte[]> commands) {
    long now = System.currentTimeMillis();
    commands.zadd(workersKey, now, owner);
    commands.zremrangebyscore(
        workersKey, Range.create(Double.NEGATIVE_INFINITY, (double) (now - ttl.toMillis())));
    commands.pexpire(workersKey, ttl.multipliedBy(2).toMillis());
    return commands.zcard(workersKey);
  }

  private synchronized boolean isHeld() {
    return held;
  }

  private synchronized boolean take(HandlerConnection connection) {
    SetArgs args = SetArgs.Builder.nx().px(ttl.toMillis());
    held = "OK".equals(connection.call(commands -> commands.set(leaseKey, owner, args)));
    if (held) {
      renewedNanos = System.nanoTime();
      loop.ownership().regain();
    }
    return held;
  }

  /** Forgets a lease that was lost: it counts no more in this process's share. */
  private synchronized void let() {
    held = false;
    share.held().decrementAndGet();
  }

  /** Gives the lease up while this worker still holds it; the share was counted down already. */
  private synchronized void giveUp(HandlerConnection connection) {
    connection.call(commands -> commands.eval(RELEASE, ScriptOutputType.INTEGER, keys(), owner));
    held = false;
  }

  /** The timer's task: renews a held lease, or marks it lost. Never throws. */
  private synchronized void renewOnTimer() {
    if (!held || loop.ownership().isLost()) {
      return;
    }
    try {
      byte[] millis = Bytes.of(Long.toString(ttl.toMillis()));
      Long renewed =
          renewer.once(
              commands -> commands.eval(RENEW, ScriptOutputType.INTEGER, keys(), owner, millis));
      if (renewed != null && renewed == 1) {
        renewedNanos = System.nanoTime();
        return;
      }
      log.warn("handler {}: the lease on {} was taken over", loop.handlerId(), loop.stream());
      loop.ownership().lose();
    } catch (RuntimeException e) {
      renewer.close();
      if (System.nanoTime() - renewedNanos >= ttl.toNanos()) {
        log.warn(
            "handler {}: could not renew the lease on {} before it expired: {}",
            loop.handlerId(),
            loop.stream(),
            e.toString());
        loop.ownership().lose();
      }
    }
  }

  /**
   * Stops renewing the lease, and gives it up when the loop finished what it ran, so another worker
   * takes the shard at once; otherwise it expires. Never throws.
   */
  void stop(boolean finished, HandlerConnection connection) {
    renewals.cancel(false);
    synchronized (this) {
      if (held && finished && !loop.ownership().isLost()) {
        try {
          connection.once(
              commands -> commands.eval(RELEASE, ScriptOutputType.INTEGER, keys(), owner));
        } catch (RuntimeException e) {
          log.debug(
              "handler {}: lease on {} not released; it expires", loop.handlerId(), loop.stream());
        }
      }
      if (held) {
        let();
      }
    }
    renewer.close();
  }

  private byte[][] keys() {
    return new byte[][] {leaseKey};
  }
}
