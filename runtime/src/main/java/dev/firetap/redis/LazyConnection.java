package dev.firetap.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.Objects;

/**
 * A connection for queries, opened on first use. Queries run on the caller's thread and wait at
 * most the configured Redis timeout. On a cluster, each command goes to the master of its key's
 * slot, and SCAN covers every master.
 */
public final class LazyConnection implements AutoCloseable {
  private final RedisConnector connector;
  private RoutedConnection connection;

  /** Creates the holder; nothing connects until {@link #commands()} is called. */
  public LazyConnection(RedisConnector connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  /**
   * The synchronous commands of the connection, connecting first when needed.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public synchronized RedisClusterCommands<byte[], byte[]> commands() {
    if (connection == null) {
      connection = connector.connectRouted();
    }
    return connection.sync();
  }

  /** Closes the connection, if open; the next {@link #commands()} opens a new one. Never throws. */
  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
