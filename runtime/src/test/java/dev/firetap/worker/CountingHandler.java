package dev.firetap.worker;

import dev.firetap.event.ChangeEvent;
import dev.firetap.handler.OnChange;
import dev.firetap.testing.RedisStreams;
import java.util.concurrent.locks.LockSupport;

/**
 * The handler of {@link WorkerCrashIT}'s worker processes: per event it counts the run, notes when
 * the event's completion record already existed (a duplicate completion), and records the id.
 */
public final class CountingHandler {
  static final String HANDLED = "crash:handled";
  static final String RUNS = "crash:runs";
  static final String AFTER_COMPLETION = "crash:after-completion";

  private final RedisStreams redis;

  /** Connects to the Redis of {@code firetap.redis.url}. */
  public CountingHandler() {
    this.redis = RedisStreams.connect(System.getProperty("firetap.redis.url"));
  }

  @OnChange(id = "crash-counter", collection = "crash")
  public void handle(ChangeEvent event) {
    if (redis.completed("crash-counter", event.id())) {
      redis.commands().sadd(AFTER_COMPLETION, event.id());
    }
    // A millisecond of work per event keeps a backlog, so that kills land in the middle of batches.
    LockSupport.parkNanos(1_000_000);
    redis.commands().hincrby(RUNS, event.id(), 1);
    redis.commands().sadd(HANDLED, event.id());
  }
}
