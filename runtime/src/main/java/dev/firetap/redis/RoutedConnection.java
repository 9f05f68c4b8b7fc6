package dev.firetap.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection that sends each command to the server holding its key: a plain connection to one
 * server, or a cluster connection that routes by slot. Offers the commands both share; MULTI/EXEC,
 * which needs one server, is not among them (see {@link RedisConnector#connectForKey}).
 */
public final class RoutedConnection implements AutoCloseable {
  private final StatefulConnection<byte[], byte[]> connection;
  private final RedisClusterCommands<byte[], byte[]> sync;
  private final RedisClusterAsyncCommands<byte[], byte[]> async;

  private RoutedConnection(
      StatefulConnection<byte[], byte[]> connection,
      RedisClusterCommands<byte[], byte[]> sync,
      RedisClusterAsyncCommands<byte[], byte[]> async) {
    this.connection = connection;
    this.sync = sync;
    this.async = async;
  }

  static RoutedConnection of(StatefulRedisConnection<byte[], byte[]> connection) {
    return new RoutedConnection(connection, connection.sync(), connection.async());
  }

  static RoutedConnection of(StatefulRedisClusterConnection<byte[], byte[]> connection) {
    return new RoutedConnection(connection, connection.sync(), connection.async());
  }

  /** The synchronous commands; each waits at most the Redis timeout. */
  public RedisClusterCommands<byte[], byte[]> sync() {
    return sync;
  }

  /** The asynchronous commands. */
  public RedisClusterAsyncCommands<byte[], byte[]> async() {
    return async;
  }

  /** The cluster connection when this is a cluster's, empty for one server's. */
  public Optional<StatefulRedisClusterConnection<byte[], byte[]>> cluster() {
    return connection instanceof StatefulRedisClusterConnection<byte[], byte[]> routed
        ? Optional.of(routed)
        : Optional.empty();
  }

  /** Closes the connection. Never throws. */
  @Override
  public void close() {
    try {
      Objects.requireNonNull(connection).close();
    } catch (RuntimeException e) {
      // Closing a broken connection may fail; it is gone either way.
    }
  }
}
