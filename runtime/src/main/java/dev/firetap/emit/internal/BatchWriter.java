package dev.firetap.emit.internal;

import dev.firetap.redis.StreamKeys;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes a batch of envelopes to Redis in one atomic, idempotent script call (see {@code
 * write-batch.lua}): every stream entry, every real-time publication and every daily count of the
 * batch, or none of them.
 */
final class BatchWriter {
  private static final String GAP = "GAP";
  private static final byte[] SCRIPT = loadScript();
  private static final String DIGEST = sha1Hex(SCRIPT);
  private static final Duration SEQUENCE_TTL = Duration.ofDays(7);

  private final StreamKeys keys;
  private final String statsTtlSeconds;

  BatchWriter(StreamKeys keys, Duration statsRetention) {
    this.keys = keys;
    this.statsTtlSeconds = Long.toString(statsRetention.toSeconds());
  }

  /**
   * Sends the batch; the stage completes with the number of events written (duplicates skipped).
   * With {@code mayFollowGap} false, the script refuses the whole batch (see {@link #isGap}) when
   * an earlier event of one of its streams is missing, as when an earlier batch was not written.
   */
  CompletionStage<Long> write(
      RedisAsyncCommands<byte[], byte[]> redis, List<Envelope> batch, boolean mayFollowGap) {
    Call call = prepare(batch, mayFollowGap);
    return redis
        .<Long>evalsha(DIGEST, ScriptOutputType.INTEGER, call.keys(), call.values())
        .handle((written, failure) -> retryWithoutCache(redis, call, written, failure))
        .thenCompose(stage -> stage);
  }

  private CompletionStage<Long> retryWithoutCache(
      RedisAsyncCommands<byte[], byte[]> redis, Call call, Long written, Throwable failure) {
    if (failure == null) {
      return CompletableFuture.completedFuture(written);
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    if (failure instanceof RedisNoScriptException || cause instanceof RedisNoScriptException) {
      // A restarted Redis has an empty script cache.
      return eval(redis, call);
    }
    return CompletableFuture.failedFuture(cause);
  }

  private CompletionStage<Long> eval(RedisAsyncCommands<byte[], byte[]> redis, Call call) {
    return redis.eval(SCRIPT, ScriptOutputType.INTEGER, call.keys(), call.values());
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

  private static String sha1Hex(byte[] script) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }

  private static byte[] loadScript() {
    try (InputStream in = BatchWriter.class.getResourceAsStream("write-batch.lua")) {
      if (in == null) {
        throw new IllegalStateException("write-batch.lua is missing from the Firetap runtime jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Call(byte[][] keys, byte[][] values) {}

  private record StreamOfProducer(String stream, String producerId) {}
}
