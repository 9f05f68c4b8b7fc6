package dev.firetap.benchmarks;

import dev.firetap.Firetap;
import dev.firetap.cdc.Change;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerOptions;
import dev.firetap.handler.HandlerRuntime;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Commit-to-handler latency at a steady rate: each event carries the wall-clock time it was made,
 * and the receiving side records now minus that time. Firetap: {@code ChangeCapture.capture} into
 * the emitter, a {@link HandlerRuntime} handler on the other end. Baseline: a raw XADD producer and
 * a raw blocking XREADGROUP consumer that acknowledges each batch it read with one XACK.
 */
final class HandlerLatency {
  private final FiretapConfig config;
  private final int perSecond;

  /** Events captured with {@code config}, {@code perSecond} of them a second. */
  HandlerLatency(FiretapConfig config, int perSecond) {
    this.config = config;
    this.perSecond = perSecond;
  }

  /**
   * Sorted latencies in nanoseconds of events captured through Firetap and handled by the handler
   * {@code handlerId}, whose consumer group starts at the end of the stream when it is new.
   */
  long[] firetap(String handlerId, Duration span) {
    int count = count(span);
    Samples samples = new Samples(count);
    try (Firetap firetap = Firetap.start(config);
        HandlerRuntime runtime =
            HandlerRuntime.builder(config)
                .onChange(
                    handlerId,
                    "orders",
                    Set.of(Operation.values()),
                    (event, delivery) -> samples.add(event.commitTime()))
                .options(handlerId, HandlerOptions.defaults().withThreads(1))
                .start()) {
      pace(
          count,
          i ->
              firetap
                  .changes()
                  .capture(
                      Change.update("orders", "o" + i)
                          .before(Map.of("status", "placed"))
                          .after(Map.of("status", "paid"))));
      return samples.await(count);
    }
  }

  /** Sorted latencies in nanoseconds of raw XADD to raw blocking XREADGROUP. */
  long[] raw(RedisClient client, Duration span) throws InterruptedException {
    int count = count(span);
    Samples samples = new Samples(count);
    AtomicBoolean running = new AtomicBoolean(true);
    try (StatefulRedisConnection<String, String> producer = client.connect(StringCodec.UTF8);
        StatefulRedisConnection<String, String> consumer = client.connect(StringCodec.UTF8)) {
      String stream = "bench:latency";
      consumer
          .sync()
          .xgroupCreate(
              XReadArgs.StreamOffset.from(stream, "$"), "raw", XGroupCreateArgs.Builder.mkstream());
      Thread reader = new Thread(() -> consume(consumer.sync(), stream, samples, running));
      reader.start();
      pace(count, i -> producer.sync().xadd(stream, Map.of("sentAt", Instant.now().toString())));
      long[] sorted = samples.await(count);
      running.set(false);
      reader.join();
      return sorted;
    }
  }

  private static void consume(
      RedisCommands<String, String> commands,
      String stream,
      Samples samples,
      AtomicBoolean running) {
    while (running.get()) {
      List<StreamMessage<String, String>> batch =
          commands.xreadgroup(
              Consumer.from("raw", "raw-1"),
              XReadArgs.Builder.count(HandlerThroughput.BATCH).block(Duration.ofMillis(200)),
              XReadArgs.StreamOffset.lastConsumed(stream));
      for (StreamMessage<String, String> message : batch) {
        samples.add(Instant.parse(message.getBody().get("sentAt")));
      }
      if (!batch.isEmpty()) {
        commands.xack(
            stream, "raw", batch.stream().map(StreamMessage::getId).toArray(String[]::new));
      }
    }
  }

  private int count(Duration span) {
    return (int) (perSecond * span.toSeconds());
  }

  /** Calls {@code send} with 0, 1, ... at {@link #perSecond} calls per second. */
  private void pace(int count, IntConsumer send) {
    long step = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * step;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      send.accept(i);
    }
  }

  /** Latencies recorded by the receiving thread. */
  private static final class Samples {
    private final AtomicLongArray nanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger recorded = new AtomicInteger();

    Samples(int capacity) {
      nanos = new AtomicLongArray(capacity);
    }

    void add(Instant sentAt) {
      Instant now = Instant.now();
      int index = next.getAndIncrement();
      if (index < nanos.length()) {
        nanos.set(index, Duration.between(sentAt, now).toNanos());
        recorded.incrementAndGet();
      }
    }

    /** Waits until {@code count} samples are in, then returns them sorted. */
    long[] await(int count) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (recorded.get() < count) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "only " + recorded.get() + " of " + count + " events arrived within a minute");
        }
        LockSupport.parkNanos(1_000_000);
      }
      long[] sorted = new long[count];
      for (int i = 0; i < count; i++) {
        sorted[i] = nanos.get(i);
      }
      Arrays.sort(sorted);
      return sorted;
    }
  }
}
