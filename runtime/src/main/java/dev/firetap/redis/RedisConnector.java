package dev.firetap.redis;

import dev.firetap.internal.BackgroundPriority;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Opens the Redis connections of one Firetap instance, all through one Lettuce client.
 *
 * <p>Commands fail at once while a connection is down instead of being buffered, and time out after
 * the configured timeout when Redis does not answer, so no caller ever waits longer than that.
 * Lettuce reconnects in the background.
 *
 * <p>For a {@linkplain RedisEndpoint#cluster() cluster} the connector also holds a Lettuce cluster
 * client, which routes each command to the master of its key's slot and follows the cluster's
 * topology (refreshed every 30 s and on every MOVED, ASK or reconnect). Its commands wait for a
 * node's connection while it is opened or reopened, up to the timeout.
 *
 * <p>A connector made with a nice value above 0 runs its I/O threads at that lower priority (see
 * {@link BackgroundPriority}): the emitter's, whose work must not delay the application's.
 */
public final class RedisConnector implements AutoCloseable {
  private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

  private final RedisEndpoint endpoint;
  private final Duration timeout;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisClusterClient clusterClient;

  /** Creates a connector; nothing connects until a connection is asked for. */
  public RedisConnector(RedisEndpoint endpoint, Duration timeout) {
    this(endpoint, timeout, Duration.ZERO);
  }

  /**
   * Creates a connector whose blocking stream reads ({@code XREAD} and {@code XREADGROUP}) may take
   * {@code longestBlock} longer than other commands, so that a read blocking for new entries is not
   * cut short by the timeout.
   */
  public RedisConnector(RedisEndpoint endpoint, Duration timeout, Duration longestBlock) {
    this(endpoint, timeout, longestBlock, 0);
  }

  /**
   * Creates a connector as above whose I/O and computation threads run at nice value {@code
   * threadNice} (0: the application's priority).
   */
  public RedisConnector(
      RedisEndpoint endpoint, Duration timeout, Duration longestBlock, int threadNice) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(longestBlock, "longestBlock");
    this.timeout = timeout;
    this.resources = resources(threadNice);
    this.client = RedisClient.create(resources, endpoint.toRedisUri(timeout));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(timeouts(timeout, longestBlock))
            .socketOptions(socketOptions(timeout))
            .build());
    this.clusterClient = endpoint.cluster() ? clusterClient(timeout, longestBlock) : null;
  }

  private static ClientResources resources(int threadNice) {
    return DefaultClientResources.builder()
        .threadFactoryProvider(
            pool -> BackgroundPriority.lowering(threadNice, new DefaultThreadFactory(pool, true)))
        .build();
  }

  private RedisClusterClient clusterClient(Duration timeout, Duration longestBlock) {
    RedisClusterClient cluster =
        RedisClusterClient.create(client.getResources(), endpoint.toRedisUris(timeout));
    // The cluster client opens a node's connection on the first command for it; with
    // REJECT_COMMANDS that command fails at once (lettuce#3747), so commands wait for the
    // connection instead, bounded by the command timeout like every other.
    cluster.setOptions(
        ClusterClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
            .timeoutOptions(timeouts(timeout, longestBlock))
            .socketOptions(socketOptions(timeout))
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                    .enableAllAdaptiveRefreshTriggers()
                    .build())
            .build());
    return cluster;
  }

  private static SocketOptions socketOptions(Duration timeout) {
    return SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build();
  }

  private static TimeoutOptions timeouts(Duration timeout, Duration longestBlock) {
    if (longestBlock.isZero()) {
      return TimeoutOptions.enabled(timeout);
    }
    long normal = timeout.toNanos();
    long blocking = normal + longestBlock.toNanos();
    TimeoutOptions.TimeoutSource source =
        new TimeoutOptions.TimeoutSource() {
          @Override
          public long getTimeout(RedisCommand<?, ?, ?> command) {
            ProtocolKeyword type = command.getType();
            return type == CommandType.XREADGROUP || type == CommandType.XREAD ? blocking : normal;
          }

          @Override
          public TimeUnit getTimeUnit() {
            return TimeUnit.NANOSECONDS;
          }
        };
    return TimeoutOptions.builder().timeoutCommands().timeoutSource(source).build();
  }

  /** The endpoint, whose {@code toString()} never shows credentials. */
  public RedisEndpoint endpoint() {
    return endpoint;
  }

  /** Whether the endpoint is a Redis Cluster. */
  public boolean cluster() {
    return clusterClient != null;
  }

  /**
   * Opens a connection to the one server; blocks up to the timeout.
   *
   * @throws IllegalStateException when the endpoint is a cluster: use {@link #connectRouted()} or
   *     {@link #connectForKey(String)}
   * @throws io.lettuce.core.RedisException when Redis cannot be reached or refuses the credentials
   */
  public StatefulRedisConnection<byte[], byte[]> connect() {
    if (cluster()) {
      throw new IllegalStateException(endpoint + " is a cluster: commands need routing by key");
    }
    return client.connect(ByteArrayCodec.INSTANCE);
  }

  /**
   * Opens a connection that sends each command to the server holding its key: the one server, or
   * the master of the key's slot in a cluster. Blocks up to the timeout.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached or refuses the credentials
   */
  public RoutedConnection connectRouted() {
    if (cluster()) {
      return RoutedConnection.of(clusterClient.connect(ByteArrayCodec.INSTANCE));
    }
    return RoutedConnection.of(client.connect(ByteArrayCodec.INSTANCE));
  }

  /**
   * Opens a plain connection to the server that holds {@code key}: the one server, or the current
   * master of the key's slot in a cluster, looked up afresh. Every command sent on it, MULTI/EXEC
   * included, must be for keys of that slot; after a failover its commands fail (refused or MOVED),
   * and the caller opens a new one.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached or no master serves the
   *     slot
   */
  public StatefulRedisConnection<byte[], byte[]> connectForKey(String key) {
    if (!cluster()) {
      return connect();
    }
    clusterClient.refreshPartitions();
    int slot = SlotHash.getSlot(key);
    RedisClusterNode master = clusterClient.getPartitions().getMasterBySlot(slot);
    if (master == null) {
      throw new RedisException(endpoint + ": no master serves slot " + slot + " of " + key);
    }
    RedisURI node = master.getUri();
    return client.connect(
        ByteArrayCodec.INSTANCE, endpoint.toRedisUri(node.getHost(), node.getPort(), timeout));
  }

  /** Opens a Pub/Sub connection; blocks up to the timeout. */
  public StatefulRedisPubSubConnection<byte[], byte[]> connectPubSub() {
    if (cluster()) {
      return clusterClient.connectPubSub(ByteArrayCodec.INSTANCE);
    }
    return client.connectPubSub(ByteArrayCodec.INSTANCE);
  }

  /** Closes every connection of this connector and the client's threads. */
  @Override
  public void close() {
    if (clusterClient != null) {
      clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
