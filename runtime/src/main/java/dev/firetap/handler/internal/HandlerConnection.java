package dev.firetap.handler.internal;

import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.RedisConnector;
import io.lettuce.core.RedisException;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Redis connection of one thread of a handler loop, opened on first use. Every call is retried
 * with backoff while Redis fails, until it succeeds or the loop stops. One thread uses it at a
 * time, so MULTI/EXEC blocks never interleave with other commands.
 */
final class HandlerConnection implements AutoCloseable {
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  private final LazyConnection connection;
  private final Outage outage;
  private final StopSignal stop;
  private final Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);

  HandlerConnection(RedisConnector connector, Outage outage, StopSignal stop) {
    this.connection = new LazyConnection(connector);
    this.outage = outage;
    this.stop = stop;
  }

  /**
   * Runs {@code step}, retrying while Redis fails.
   *
   * @throws LoopStopped when the loop stops before the step succeeds
   */
  <T> T call(Function<RedisCommands<byte[], byte[]>, T> step) {
    for (int failures = 1; ; failures++) {
      try {
        T result = step.apply(commands());
        outage.succeeded();
        return result;
      } catch (RedisException e) {
        outage.failed(e);
        if (!stop.pause(backoff.after(failures))) {
          throw new LoopStopped();
        }
      }
    }
  }

  /**
   * Runs the commands of {@code steps} in one MULTI/EXEC, retrying the whole while Redis fails.
   *
   * @throws LoopStopped when the loop stops before the transaction succeeds
   */
  void transaction(Consumer<RedisCommands<byte[], byte[]>> steps) {
    call(
        commands -> {
          execute(commands, steps);
          return null;
        });
  }

  /** Runs one command once, without retries; for what may fail, such as heartbeats. */
  <T> T once(Function<RedisCommands<byte[], byte[]>, T> step) {
    return step.apply(commands());
  }

  private void execute(
      RedisCommands<byte[], byte[]> commands, Consumer<RedisCommands<byte[], byte[]>> steps) {
    try {
      commands.multi();
      steps.accept(commands);
      TransactionResult result = commands.exec();
      if (result.wasDiscarded()) {
        throw new RedisException("Redis discarded the MULTI/EXEC transaction");
      }
      for (Object reply : result) {
        if (reply instanceof RuntimeException failure) {
          throw new RedisException("a command in MULTI/EXEC failed: " + failure.getMessage());
        }
      }
    } catch (RuntimeException e) {
      // A transaction cut off by a broken connection leaves the client in MULTI state: start over.
      close();
      throw e;
    }
  }

  private RedisCommands<byte[], byte[]> commands() {
    return connection.commands();
  }

  @Override
  public void close() {
    connection.close();
  }
}
