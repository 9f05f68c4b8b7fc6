package dev.firetap.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Objects;

/**
 * A connection for queries, opened on first use. Queries run on the caller's thread and wait at
 * most the configured Redis timeout.
 */
public final class LazyConnection implements AutoCloseable {
  private final RedisConnector connector;
  private StatefulRedisConnection<byte[], byte[]> connection;

  /** Creates the holder; nothing connects until {@link #commands()} is called. */
  public LazyConnection(RedisConnector connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  /**
   * The synchronous commands of the connection, connecting first when needed.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public synchronized RedisCommands<byte[], byte[]> commands() {
    if (connection == null) {
      connection = connector.connect();
    }
    return connection.sync();
  }

  /** Closes the connection, if open; the next {@link #commands()} opens a new one. Never throws. */
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
