package dev.firetap.emit.internal;

import dev.firetap.redis.RedisScript;
import dev.firetap.redis.RoutedConnection;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes a batch of envelopes to Redis in one atomic, idempotent script call (see {@code
 * write-batch.lua}): every stream entry, every real-time publication and every daily count of the
 * batch, or none of them.
 *
 * <p>In a cluster a script may only touch keys of one slot, so the batch is split by the slot of
 * each event's stream, and each part is one script call to its slot's master, atomic on its own.
 * The keys a part touches for a stream (its producer sequences, its level's daily counts) carry the
 * stream as hash tag, see {@link StreamKeys}. When some parts are written and others fail, the
 * whole batch is sent again, and the written parts' events are skipped as duplicates.
 *
 * <p>With {@code waitReplicas} above 0, each call is followed by a WAIT on the same connection, and
 * a write that fewer replicas acknowledged within {@code waitTimeout} fails, so the batch is sent
 * again (or spooled) like any failed write.
 */
final class BatchWriter {
  private static final String GAP = "GAP";
  private static final RedisScript SCRIPT = RedisScript.load(BatchWriter.class, "write-batch.lua");
  private static final Duration SEQUENCE_TTL = Duration.ofDays(7);

  private final StreamKeys keys;
  private final String statsTtlSeconds;
  private final int waitReplicas;
  private final long waitTimeoutMillis;

  BatchWriter(StreamKeys keys, Duration statsRetention) {
    this(keys, statsRetention, 0, Duration.ZERO);
  }

  BatchWriter(StreamKeys keys, Duration statsRetention, int waitReplicas, Duration waitTimeout) {
    this.keys = keys;
    this.statsTtlSeconds = Long.toString(statsRetention.toSeconds());
    this.waitReplicas = waitReplicas;
    this.waitTimeoutMillis = waitTimeout.toMillis();
  }

  /**
   * Sends the batch; the stage completes with the number of events written (duplicates skipped).
   * With {@code mayFollowGap} false, the script refuses the whole batch (see {@link #isGap}) when
   * an earlier event of one of its streams is missing, as when an earlier batch was not written.
   */
  CompletionStage<Long> write(
      RoutedConnection connection, List<Envelope> batch, boolean mayFollowGap) {
    if (connection.cluster().isEmpty()) {
      return replicated(connection.async(), call(connection.async(), batch, mayFollowGap));
    }
    StatefulRedisClusterConnection<byte[], byte[]> cluster = connection.cluster().get();
    List<CompletableFuture<Long>> parts = new ArrayList<>();
    bySlot(batch)
        .forEach(
            (slot, part) -> {
              CompletionStage<Long> written = call(connection.async(), part, mayFollowGap);
              parts.add(replicated(cluster, slot, written).toCompletableFuture());
            });
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> parts.stream().mapToLong(CompletableFuture::join).sum());
  }

  private static Map<Integer, List<Envelope>> bySlot(List<Envelope> batch) {
    Map<Integer, List<Envelope>> parts = new LinkedHashMap<>();
    for (Envelope envelope : batch) {
      parts
          .computeIfAbsent(SlotHash.getSlot(envelope.stream()), slot -> new ArrayList<>())
          .add(envelope);
    }
    return parts;
  }

  private CompletionStage<Long> call(
      RedisClusterAsyncCommands<byte[], byte[]> redis, List<Envelope> batch, boolean mayFollowGap) {
    Call call = prepare(batch, mayFollowGap);
    return SCRIPT.run(redis, ScriptOutputType.INTEGER, call.keys(), call.values());
  }

  /** The write, completed once enough replicas have it; WAIT goes on the connection that wrote. */
  private CompletionStage<Long> replicated(
      RedisClusterAsyncCommands<byte[], byte[]> redis, CompletionStage<Long> written) {
    if (waitReplicas == 0) {
      return written;
    }
    return written.thenCompose(
        count ->
            redis
                .waitForReplication(waitReplicas, waitTimeoutMillis)
                .thenApply(replicas -> checked(replicas, count)));
  }

  private CompletionStage<Long> replicated(
      StatefulRedisClusterConnection<byte[], byte[]> cluster,
      int slot,
      CompletionStage<Long> written) {
    if (waitReplicas == 0) {
      return written;
    }
    return written.thenCompose(
        count -> {
          RedisClusterNode master = cluster.getPartitions().getMasterBySlot(slot);
          if (master == null) {
            throw new RedisException("no master serves slot " + slot + " to WAIT for replicas");
          }
          return replicated(
              cluster.getConnection(master.getUri().getHost(), master.getUri().getPort()).async(),
              CompletableFuture.completedFuture(count));
        });
  }

  private long checked(long replicas, long count) {
    if (replicas < waitReplicas) {
      throw new RedisException(
          "WAIT: "
              + replicas
              + " of the "
              + waitReplicas
              + " replicas of firetap.redis.wait-replicas acknowledged the batch within "
              + waitTimeoutMillis
              + " ms (firetap.redis.wait-timeout)");
    }
    return count;
  }

  /** Whether a write failed because the script refused a batch that follows a gap. */
  static boolean isGap(Throwable failure) {
    return failure instanceof RedisCommandExecutionException
        && String.valueOf(failure.getMessage()).startsWith(GAP);
  }

  private Call prepare(List<Envelope> batch, boolean mayFollowGap) {
    Map<String, Integer> keyIndex = new HashMap<>();
    List<byte[]> keyList = new ArrayList<>();
    List<byte[]> values = new ArrayList<>(batch.size() + 64);
    values.add(null);
    values.add(statsTtlSeconds.getBytes(StandardCharsets.US_ASCII));
    values.add(ascii(SEQUENCE_TTL.toSeconds()));
    values.add(ascii(mayFollowGap ? 1 : 0));
    int groups = 0;
    for (List<Envelope> run : runs(batch)) {
      Envelope head = run.get(0);
      values.add(ascii(indexOf(head.stream(), keyIndex, keyList)));
      values.add(
          ascii(
              indexOf(keys.producerSequence(head.stream(), head.producerId()), keyIndex, keyList)));
      values.add(ascii(head.counted() ? indexOf(head.statsKey(), keyIndex, keyList) : 0));
      values.add(head.statsField().getBytes(StandardCharsets.UTF_8));
      values.add(head.channel().getBytes(StandardCharsets.UTF_8));
      values.add(ascii(head.maxLen()));
      values.add(ascii(head.sequence()));
      values.add(ascii(run.size()));
      for (Envelope envelope : run) {
        values.add(envelope.json());
      }
      groups++;
    }
    values.set(0, ascii(groups));
    return new Call(keyList.toArray(new byte[0][]), values.toArray(new byte[0][]));
  }

  /**
   * Splits the batch into the script's groups: the events of each (stream, producer) in their
   * order, cut wherever the daily counter changes or the sequence numbers are not consecutive.
   * Events of different streams may change places; events of one stream never do.
   */
  static List<List<Envelope>> runs(List<Envelope> batch) {
    Map<StreamOfProducer, List<Envelope>> byStream = new LinkedHashMap<>();
    for (Envelope envelope : batch) {
      byStream
          .computeIfAbsent(
              new StreamOfProducer(envelope.stream(), envelope.producerId()),
              k -> new ArrayList<>())
          .add(envelope);
    }
    List<List<Envelope>> runs = new ArrayList<>();
    for (List<Envelope> stream : byStream.values()) {
      List<Envelope> run = new ArrayList<>();
      for (Envelope envelope : stream) {
        if (!run.isEmpty() && !continues(run.get(run.size() - 1), envelope)) {
          runs.add(run);
          run = new ArrayList<>();
        }
        run.add(envelope);
      }
      runs.add(run);
    }
    return runs;
  }

  private static boolean continues(Envelope previous, Envelope next) {
    return next.sequence() == previous.sequence() + 1
        && next.statsKey().equals(previous.statsKey())
        && next.statsField().equals(previous.statsField())
        && next.channel().equals(previous.channel())
        && next.maxLen() == previous.maxLen();
  }

  private static int indexOf(String key, Map<String, Integer> keyIndex, List<byte[]> keyList) {
    return keyIndex.computeIfAbsent(
        key,
        k -> {
          keyList.add(k.getBytes(StandardCharsets.UTF_8));
          return keyList.size();
        });
  }

  private static byte[] ascii(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }

  private record Call(byte[][] keys, byte[][] values) {}

  private record StreamOfProducer(String stream, String producerId) {}
}
