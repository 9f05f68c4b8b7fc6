package dev.firetap.handler.internal;

import dev.firetap.redis.RedisConnector;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Redis connection of one thread of a handler loop, opened on first use. Every call is retried
 * with backoff while Redis fails, until it succeeds or the loop stops. One thread uses it at a
 * time, so MULTI/EXEC blocks never interleave with other commands.
 *
 * <p>The connection goes to the server that holds the loop's stream: in a cluster, the master of
 * the stream's slot, which also holds the handler's other keys of that stream (see {@link
 * HandlerKeys}). After a failure there it is reopened, so that a failover or a moved slot sends the
 * retry to the slot's new master.
 */
final class HandlerConnection implements AutoCloseable {
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  private final RedisConnector connector;
  private final String stream;
  private final Outage outage;
  private final StopSignal stop;
  private final Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
  private StatefulRedisConnection<byte[], byte[]> connection;

  HandlerConnection(RedisConnector connector, String stream, Outage outage, StopSignal stop) {
    this.connector = connector;
    this.stream = stream;
    this.outage = outage;
    this.stop = stop;
  }

  /**
   * Runs {@code step}, retrying while Redis fails.
   *
   * @throws LoopStopped when the loop stops before the step succeeds
   */
  <T> T call(Function<RedisCommands<byte[], byte[]>, T> step) {
    return retrying(() -> step.apply(connection().sync()));
  }

  /**
   * Sends the commands {@code step} issues in one write and waits for the reply it returns,
   * retrying the whole while Redis fails.
   *
   * @throws LoopStopped when the loop stops before the step succeeds
   */
  <T> T pipelined(Function<RedisAsyncCommands<byte[], byte[]>, CompletionStage<T>> step) {
    return retrying(() -> sendAndAwait(step));
  }

  /**
   * Runs the commands of {@code steps} in one MULTI/EXEC, retrying the whole while Redis fails.
   *
   * @return the replies of the commands, in order
   * @throws LoopStopped when the loop stops before the transaction succeeds
   */
  TransactionResult transaction(Consumer<RedisCommands<byte[], byte[]>> steps) {
    return call(commands -> execute(commands, steps));
  }

  /** Runs one command once, without retries; for what may fail, such as heartbeats. */
  <T> T once(Function<RedisCommands<byte[], byte[]>, T> step) {
    return step.apply(connection().sync());
  }

  private <T> T retrying(Supplier<T> step) {
    for (int failures = 1; ; failures++) {
      try {
        T result = step.get();
        outage.succeeded();
        return result;
      } catch (RedisException e) {
        outage.failed(e);
        if (connector.cluster()) {
          close();
        }
        if (!stop.pause(backoff.after(failures))) {
          throw new LoopStopped();
        }
      }
    }
  }

  private TransactionResult execute(
      RedisCommands<byte[], byte[]> commands, Consumer<RedisCommands<byte[], byte[]>> steps) {
    try {
      commands.multi();
      steps.accept(commands);
      TransactionResult result = commands.exec();
      check(result);
      return result;
    } catch (RuntimeException e) {
      // A transaction cut off by a broken connection leaves the client in MULTI state: start over.
      close();
      throw e;
    }
  }

  private static void check(TransactionResult result) {
    if (result.wasDiscarded()) {
      throw new RedisException("Redis discarded the MULTI/EXEC transaction");
    }
    for (Object reply : result) {
      if (reply instanceof RuntimeException failure) {
        throw new RedisException("a command in MULTI/EXEC failed: " + failure.getMessage());
      }
    }
  }

  private <T> T sendAndAwait(
      Function<RedisAsyncCommands<byte[], byte[]>, CompletionStage<T>> step) {
    StatefulRedisConnection<byte[], byte[]> open = connection();
    CompletionStage<T> reply;
    open.setAutoFlushCommands(false);
    try {
      reply = step.apply(open.async());
      open.flushCommands();
    } catch (RuntimeException e) {
      // Commands left in the buffer must never reach Redis with a later write.
      close();
      throw e;
    } finally {
      open.setAutoFlushCommands(true);
    }
    return await(reply, open.getTimeout());
  }

  private <T> T await(CompletionStage<T> reply, Duration timeout) {
    try {
      return reply.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      close();
      throw e.getCause() instanceof RedisException failure
          ? failure
          : new RedisException(e.getCause());
    } catch (TimeoutException e) {
      close();
      throw new RedisCommandTimeoutException(
          "pipelined commands got no reply within the Redis timeout of "
              + timeout.toMillis()
              + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new RedisCommandInterruptedException(e);
    }
  }

  private synchronized StatefulRedisConnection<byte[], byte[]> connection() {
    if (connection == null) {
      connection = connector.connectForKey(stream);
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (RuntimeException e) {
        // Closing a broken connection may fail; it is gone either way.
      }
      connection = null;
    }
  }
}
