package dev.firetap.benchmarks;

import dev.firetap.config.FiretapConfig;
import dev.firetap.emit.internal.RedisEmitter;
import dev.firetap.redis.RedisConnector;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/** One timed run of a fresh emitter, shared by the benchmarks that measure emitter throughput. */
final class EmitterRuns {
  private EmitterRuns() {}

  /**
   * Starts an emitter, runs {@code warmUp} on it untimed, then emits {@code events} events with
   * {@code emitOne} (given the emitter and the event's number) and returns how many per second
   * reached Redis.
   *
   * @throws IllegalStateException when the emitter drops an event or does not deliver in 5 minutes
   */
  static double perSecond(
      FiretapConfig config,
      int events,
      Consumer<RedisEmitter> warmUp,
      ObjIntConsumer<RedisEmitter> emitOne) {
    try (RedisConnector connector = new RedisConnector(config.redis(), config.redisTimeout())) {
      RedisEmitter emitter = RedisEmitter.start(config, connector);
      warmUp.accept(emitter);
      long start = System.nanoTime();
      for (int i = 0; i < events; i++) {
        emitOne.accept(emitter, i);
      }
      if (!emitter.flush(Duration.ofMinutes(5))) {
        throw new IllegalStateException("the emitter did not deliver in time: " + emitter.stats());
      }
      long elapsed = System.nanoTime() - start;
      emitter.close();
      if (emitter.stats().dropped() > 0) {
        throw new IllegalStateException("the emitter dropped events: " + emitter.stats());
      }
      return events / (elapsed / 1e9);
    }
  }
}
