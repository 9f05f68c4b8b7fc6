package dev.firetap.handler.internal;

import dev.firetap.handler.HandlerLag;
import dev.firetap.handler.HandlerOptions;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of one handler in this process: a reader thread with its own connection (blocking
 * reads share it with nothing else) that reads batches with XREADGROUP, takes over entries left
 * pending by dead consumers with XAUTOCLAIM, and hands entries to the handler's {@link Partitions}.
 * While the threads run one batch, the reader reads the next and the completion records of its
 * events, so that Redis round trips overlap with handling; it hands that batch over, then waits for
 * the one before, keeping the idle time of entries still queued or running fresh so that no other
 * worker takes them over. At most two batches are in the threads' hands at a time.
 */
public final class HandlerLoop {
  private static final Logger log = LoggerFactory.getLogger(HandlerLoop.class);
  private static final String NO_MORE = "0-0";
  private static final double LAG_WARNING_SHARE = 0.8;

  private final LoopContext loop;
  private final HandlerConnection reader;
  private final Partitions partitions;
  private final DeadLetterStore deadLetters;
  private final ShardLease lease;
  private final long streamCap;
  private final Thread thread;
  private volatile Duration shutdownTimeout = Duration.ZERO;
  private boolean lagWarned;
  private RunningBatch running = RunningBatch.NONE;

  /**
   * Creates the loop of one handler; {@link #start()} starts it.
   *
   * @param streamCap the approximate length cap of the handler's stream, for the lag warning
   * @param shards for a shard of a collection, the handler's shards in this process, whose leases
   *     decide which worker reads it; null for a stream that every worker reads
   */
  public HandlerLoop(
      HandlerSpec spec,
      HandlerKeys keys,
      String stream,
      String consumerName,
      long streamCap,
      RedisConnector connector,
      DeadLetterStore deadLetters,
      ShardShare shards) {
    Outage outage = new Outage(spec.id());
    StopSignal stop = new StopSignal();
    this.loop = new LoopContext(spec, stream, consumerName, keys, outage, stop, new Ownership());
    this.reader = new HandlerConnection(connector, stream, outage, stop);
    this.partitions = new Partitions(loop, connector, deadLetters);
    this.deadLetters = deadLetters;
    this.lease = shards == null ? null : new ShardLease(loop, shards, connector);
    this.streamCap = streamCap;
    this.thread = new Thread(this::run, "firetap-handler-" + spec.id() + shardSuffix(stream));
    thread.setDaemon(true);
  }

  /** For the stream of one shard of a collection, {@code -shard<k>}; otherwise empty. */
  private String shardSuffix(String stream) {
    if (!(loop.spec().target() instanceof HandlerTarget.Changes changes)) {
      return "";
    }
    String unsharded = new StreamKeys(loop.keys().prefix()).changeStream(changes.collection());
    return stream.equals(unsharded) ? "" : "-shard" + stream.substring(unsharded.length() + 1);
  }

  /**
   * Creates the handler's consumer group at its start position if it does not exist yet (XGROUP
   * CREATE ... MKSTREAM; an existing group keeps its position).
   *
   * @throws RedisException when Redis cannot be reached
   */
  public static void createGroup(RedisClusterCommands<byte[], byte[]> commands, LoopGroup group) {
    try {
      commands.xgroupCreate(
          XReadArgs.StreamOffset.from(Bytes.of(group.stream()), group.startId()),
          Bytes.of(group.handlerId()),
          XGroupCreateArgs.Builder.mkstream(true));
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  /**
   * The consumer group of a handler.
   *
   * @param handlerId the group's name
   * @param stream the stream it is on
   * @param startId where it starts when created
   */
  public record LoopGroup(String handlerId, String stream, String startId) {}

  /** Starts the reader thread. */
  public void start() {
    thread.start();
  }

  /** Tells the loop to stop reading; what runs finishes within {@code timeout}. */
  public void stop(Duration timeout) {
    this.shutdownTimeout = timeout;
    loop.stop().stop();
  }

  /**
   * Waits until the loop has stopped, at most until the deadline ({@link System#nanoTime()}), then
   * interrupts it. True when it stopped in time.
   */
  public boolean awaitStopped(long deadlineNanos) {
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(1));
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run() {
    log.debug(
        "handler {}: reading {} as consumer {}",
        loop.handlerId(),
        loop.stream(),
        loop.consumerName());
    long nextMaintenance = System.nanoTime();
    try {
      reader.call(commands -> groupCreated(commands));
      while (!loop.stop().isStopping()) {
        if (lease != null && !lease.own(reader, this::drain)) {
          drain();
          loop.stop().pause(lease.retryPause());
          // A shard just taken over may hold entries its last owner left pending: those first.
          nextMaintenance = System.nanoTime();
          continue;
        }
        if (System.nanoTime() - nextMaintenance >= 0) {
          takeOverAbandoned();
          watchLag();
          nextMaintenance = System.nanoTime() + loop.options().claimIdle().toNanos() / 2;
        }
        handle(readNew(), null);
      }
    } catch (LoopStopped e) {
      log.debug("handler {}: stopped while waiting", loop.handlerId());
    } catch (RuntimeException e) {
      log.error("handler {}: the read loop failed and stopped", loop.handlerId(), e);
    } finally {
      finish();
    }
  }

  private Object groupCreated(RedisCommands<byte[], byte[]> commands) {
    String startId = loop.options().startFrom().groupStartId();
    createGroup(commands, new LoopGroup(loop.handlerId(), loop.stream(), startId));
    return null;
  }

  @SuppressWarnings("unchecked") // the varargs array of one stream offset
  private List<StreamMessage<byte[], byte[]>> readNew() {
    HandlerOptions options = loop.options();
    Duration block = options.block();
    if (!running.isDone()) {
      // The running batch gets no heartbeat while the read blocks.
      block = Duration.ofNanos(Math.min(block.toNanos(), heartbeatNanos()));
    }
    XReadArgs args = XReadArgs.Builder.count(options.batchSize()).block(block);
    return reader.call(
        commands -> {
          try {
            return commands.xreadgroup(
                loop.consumer(), args, XReadArgs.StreamOffset.lastConsumed(loop.streamKey()));
          } catch (RedisCommandExecutionException e) {
            recreateMissingGroup(commands, e);
            return List.of();
          }
        });
  }

  /** The group disappears when its stream is deleted; it comes back at its start position. */
  private void recreateMissingGroup(
      RedisCommands<byte[], byte[]> commands, RedisCommandExecutionException e) {
    if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
      throw e;
    }
    log.warn(
        "handler {}: consumer group missing on {}; creating it", loop.handlerId(), loop.stream());
    groupCreated(commands);
  }

  /**
   * Handles entries left pending longer than claimIdle by any consumer, this one included, and
   * records those trimmed from the stream meanwhile as lost.
   */
  private void takeOverAbandoned() {
    String start = NO_MORE;
    do {
      XAutoClaimArgs<byte[]> args =
          new XAutoClaimArgs<byte[]>()
              .consumer(loop.consumer())
              .minIdleTime(loop.options().claimIdle())
              .startId(start)
              .count(loop.options().batchSize());
      AutoClaim claimed = reader.call(commands -> AutoClaim.run(commands, loop.streamKey(), args));
      if (!claimed.trimmedIds().isEmpty()) {
        deadLetters.recordTrimmed(reader, loop, claimed.trimmedIds());
      }
      List<StreamMessage<byte[], byte[]>> messages = notRunning(claimed.messages());
      if (!messages.isEmpty()) {
        log.info(
            "handler {}: took over {} entries of {} left pending by a stopped consumer",
            loop.handlerId(),
            messages.size(),
            loop.stream());
        handle(messages, deliveryCounts(messages));
      }
      start = claimed.nextId();
    } while (!NO_MORE.equals(start) && !loop.stop().isStopping());
  }

  /**
   * Leaves out the entries of the batch in the threads' hands: they look abandoned only because a
   * heartbeat that keeps them claimed failed (a command timeout on a busy Redis), and are still
   * running or already written. Handing them over again would run them twice at once.
   */
  private List<StreamMessage<byte[], byte[]>> notRunning(
      List<StreamMessage<byte[], byte[]>> claimed) {
    Set<String> running = this.running.ids();
    if (running.isEmpty()) {
      return claimed;
    }
    return claimed.stream().filter(message -> !running.contains(message.getId())).toList();
  }

  private Map<String, Long> deliveryCounts(List<StreamMessage<byte[], byte[]>> messages) {
    Range<String> ids =
        Range.create(messages.get(0).getId(), messages.get(messages.size() - 1).getId());
    List<PendingMessage> pending =
        reader.call(
            commands ->
                commands.xpending(
                    loop.streamKey(), loop.consumer(), ids, Limit.from(messages.size())));
    Map<String, Long> counts = new HashMap<>();
    for (PendingMessage message : pending) {
      counts.put(message.getId(), message.getRedeliveryCount());
    }
    return counts;
  }

  /**
   * Reads the completion records of a batch and hands it to the partitions, then waits for the
   * batch handed over before it. An empty batch only waits.
   *
   * @param deliveryCounts per entry id, how often it was delivered; null for first deliveries
   */
  private void handle(
      List<StreamMessage<byte[], byte[]>> messages, Map<String, Long> deliveryCounts) {
    if (messages.isEmpty()) {
      awaitBatch(running, RunningBatch.NONE);
      return;
    }
    List<StreamEntry> entries = new ArrayList<>();
    List<BatchEntry> batch = new ArrayList<>();
    for (StreamMessage<byte[], byte[]> message : messages) {
      long count = deliveryCounts == null ? 1 : deliveryCounts.getOrDefault(message.getId(), 1L);
      StreamEntry entry = StreamEntry.of(message, (int) Math.min(count, Integer.MAX_VALUE));
      entries.add(entry);
      batch.add(new BatchEntry(entry, Decoding.of(entry, loop.spec().target())));
    }
    CompletionRecords records = CompletionRecords.lookUp(reader, loop, batch);

    RunningBatch next = new RunningBatch(entries, partitions.submit(batch, records));
    awaitBatch(running, next);
    running = next;
  }

  /** Waits until the batches in the threads' hands are done. */
  private void drain() {
    awaitBatch(running, RunningBatch.NONE);
    running = RunningBatch.NONE;
  }

  private long heartbeatNanos() {
    return loop.options().claimIdle().toNanos() / 3;
  }

  /** Waits for {@code batch}, keeping its entries and those of {@code next} claimed meanwhile. */
  private void awaitBatch(RunningBatch batch, RunningBatch next) {
    // Entries of one thread share a task: wait for, and report, each task once.
    Set<Future<?>> awaited = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Future<?> task : batch.tasks()) {
      if (!awaited.add(task)) {
        continue;
      }
      while (!awaitDone(task, heartbeatNanos())) {
        keepClaimed(batch, next);
      }
    }
  }

  private boolean awaitDone(Future<?> future, long nanos) {
    try {
      future.get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      log.error("handler {}: processing an entry failed", loop.handlerId(), e.getCause());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoopStopped();
    }
  }

  /** Resets the idle time of the entries not yet done, without counting a delivery (JUSTID). */
  private void keepClaimed(RunningBatch batch, RunningBatch next) {
    List<String> ids = new ArrayList<>(batch.unfinishedIds());
    ids.addAll(next.unfinishedIds());
    // Entries of a lost shard are the new owner's to take over once they are idle long enough.
    if (ids.isEmpty() || loop.ownership().isLost()) {
      return;
    }
    XClaimArgs args = XClaimArgs.Builder.minIdleTime(0).justid();
    try {
      reader.once(
          commands ->
              commands.xclaim(loop.streamKey(), loop.consumer(), args, ids.toArray(String[]::new)));
    } catch (RedisException e) {
      log.debug("handler {}: could not refresh running entries", loop.handlerId(), e);
    }
  }

  /**
   * A batch in the partitions' hands.
   *
   * @param entries the batch's entries
   * @param tasks per entry, the task of its share
   */
  private record RunningBatch(List<StreamEntry> entries, List<Future<?>> tasks) {
    static final RunningBatch NONE = new RunningBatch(List.of(), List.of());

    boolean isDone() {
      return tasks.stream().allMatch(Future::isDone);
    }

    Set<String> ids() {
      Set<String> ids = new HashSet<>();
      for (StreamEntry entry : entries) {
        ids.add(entry.id());
      }
      return ids;
    }

    List<String> unfinishedIds() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        if (!tasks.get(i).isDone()) {
          ids.add(entries.get(i).id());
        }
      }
      return ids;
    }
  }

  private void watchLag() {
    HandlerLag lag =
        reader.call(
            commands -> LagProbe.measure(commands, loop.keys(), loop.handlerId(), loop.stream()));
    boolean high = Math.max(0, lag.behind()) + lag.pending() > LAG_WARNING_SHARE * streamCap;
    if (high && !lagWarned) {
      log.warn(
          "handler {}: {} entries behind and {} pending on {}, over 80% of its cap {}; entries"
              + " trimmed from the stream before the handler reads them are lost to it",
          loop.handlerId(), lag.behind(), lag.pending(), loop.stream(), streamCap);
    }
    lagWarned = high;
  }

  private void finish() {
    boolean finished = partitions.shutDown(shutdownTimeout);
    if (lease != null) {
      lease.stop(finished, reader);
    }
    reader.close();
    if (!finished) {
      log.warn(
          "handler {}: entries still running after {} ms were left pending for another worker",
          loop.handlerId(),
          shutdownTimeout.toMillis());
    }
    log.debug("handler {}: stopped", loop.handlerId());
  }
}
