package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.ChangeSource;
import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerLag;
import dev.firetap.handler.HandlerOptions;
import dev.firetap.handler.HandlerRuntime;
import dev.firetap.handler.StartFrom;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drains a stream pre-filled with change events, once through a {@link HandlerRuntime} with a no-op
 * handler and once with a plain XREADGROUP + XACK loop of the same batch size.
 */
final class HandlerThroughput {
  static final int BATCH = 100;
  static final String STREAM = "firetap:cdc:orders";
  private static final byte[] STREAM_KEY = STREAM.getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT = "event".getBytes(StandardCharsets.UTF_8);

  private final FiretapConfig config;
  private final List<byte[]> events;

  /** Prepares {@code count} distinct change events, each of its own document. */
  HandlerThroughput(FiretapConfig config, int count) {
    this.config = config;
    this.events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event(i));
    }
  }

  /** The JSON of the change event {@code i}: an order {@code o<i>} paid. */
  static byte[] event(int i) {
    ChangeEvent event =
        ChangeEvent.builder(Operation.UPDATE, "orders/o" + i)
            .before(Map.of("status", "placed", "total", 4200, "items", 3))
            .after(Map.of("status", "paid", "total", 4200, "items", 3))
            .commitTime(Instant.parse("2025-01-01T00:00:00Z").plusNanos(i * 1000L))
            .source(new ChangeSource("bench", "localhost", "bench"))
            .build();
    return EventCodec.encode(event);
  }

  int size() {
    return events.size();
  }

  int eventBytes() {
    return events.get(0).length;
  }

  /** Adds every event to the stream, pipelined; not timed. */
  void fill(RedisClient client) {
    try (StatefulRedisConnection<byte[], byte[]> connection =
        client.connect(ByteArrayCodec.INSTANCE)) {
      RedisAsyncCommands<byte[], byte[]> commands = connection.async();
      List<RedisFuture<String>> added = new ArrayList<>(events.size());
      for (byte[] event : events) {
        added.add(commands.xadd(STREAM_KEY, Map.of(EVENT, event)));
      }
      for (RedisFuture<String> future : added) {
        future.toCompletableFuture().join();
      }
    }
  }

  /**
   * Events per second through a handler runtime with {@code threads} handler threads: from start
   * until every event is acknowledged.
   */
  double firetap(int threads) throws InterruptedException {
    CountDownLatch handled = new CountDownLatch(events.size());
    HandlerOptions options =
        HandlerOptions.defaults()
            .withThreads(threads)
            .withBatchSize(BATCH)
            .withStartFrom(StartFrom.beginning());
    long start = System.nanoTime();
    try (HandlerRuntime runtime =
        HandlerRuntime.builder(config)
            .onChange("noop", "orders", Set.of(Operation.values()), (e, d) -> handled.countDown())
            .options("noop", options)
            .start()) {
      if (!handled.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the handler ran only " + handled.getCount() + " events");
      }
      while (!drained(runtime.lag().get(0))) {
        LockSupport.parkNanos(200_000);
      }
      return events.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The Redis memory ({@code MEMORY USAGE ... SAMPLES 0}: every element counted) of the keys whose
   * names match {@code pattern}, in bytes.
   */
  static long memoryUsage(RedisClient client, String pattern) {
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> commands = connection.sync();
      long bytes = 0;
      for (String key : commands.keys(pattern)) {
        Long usage = commands.memoryUsage(key);
        bytes += usage == null ? 0 : usage;
      }
      return bytes;
    }
  }

  private static byte[] eventOf(StreamMessage<byte[], byte[]> message) {
    for (Map.Entry<byte[], byte[]> field : message.getBody().entrySet()) {
      if (Arrays.equals(field.getKey(), EVENT)) {
        return field.getValue();
      }
    }
    throw new IllegalStateException("entry " + message.getId() + " has no event field");
  }

  private static boolean drained(HandlerLag lag) {
    return lag.pending() == 0 && lag.behind() == 0;
  }

  /** Events per second through XREADGROUP COUNT 100 and one XACK per batch. */
  double raw(RedisClient client) {
    return raw(client, false);
  }

  /**
   * Events per second through the raw loop when it also decodes each event, as any consumer of the
   * stream must before it can act on one: context for the goal's baseline, which decodes nothing.
   */
  double rawDecoding(RedisClient client) {
    return raw(client, true);
  }

  private double raw(RedisClient client, boolean decoding) {
    try (StatefulRedisConnection<byte[], byte[]> connection =
        client.connect(ByteArrayCodec.INSTANCE)) {
      RedisCommands<byte[], byte[]> commands = connection.sync();
      byte[] group = "raw".getBytes(StandardCharsets.UTF_8);
      long start = System.nanoTime();
      commands.xgroupCreate(
          XReadArgs.StreamOffset.from(STREAM_KEY, "0"), group, XGroupCreateArgs.Builder.mkstream());
      int acked = 0;
      while (acked < events.size()) {
        List<StreamMessage<byte[], byte[]>> batch =
            commands.xreadgroup(
                Consumer.from(group, "raw-1".getBytes(StandardCharsets.UTF_8)),
                XReadArgs.Builder.count(BATCH).block(Duration.ofSeconds(1)),
                XReadArgs.StreamOffset.lastConsumed(STREAM_KEY));
        if (decoding) {
          for (StreamMessage<byte[], byte[]> message : batch) {
            EventCodec.decodeChange(eventOf(message));
          }
        }
        if (!batch.isEmpty()) {
          commands.xack(
              STREAM_KEY, group, batch.stream().map(StreamMessage::getId).toArray(String[]::new));
          acked += batch.size();
        }
      }
      return events.size() / ((System.nanoTime() - start) / 1e9);
    }
  }
}
