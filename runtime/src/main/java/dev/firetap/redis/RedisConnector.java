package dev.firetap.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Opens the Redis connections of one Firetap instance, all through one Lettuce client.
 *
 * <p>Commands fail at once while a connection is down instead of being buffered, and time out after
 * the configured timeout when Redis does not answer, so no caller ever waits longer than that.
 * Lettuce reconnects in the background.
 */
public final class RedisConnector implements AutoCloseable {
  private final RedisEndpoint endpoint;
  private final RedisClient client;

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
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(longestBlock, "longestBlock");
    this.client = RedisClient.create(endpoint.toRedisUri(timeout));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(timeouts(timeout, longestBlock))
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
            .build());
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

  /**
   * Opens a connection; blocks up to the timeout.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached or refuses the credentials
   */
  public StatefulRedisConnection<byte[], byte[]> connect() {
    return client.connect(ByteArrayCodec.INSTANCE);
  }

  /** Opens a Pub/Sub connection; blocks up to the timeout. */
  public StatefulRedisPubSubConnection<byte[], byte[]> connectPubSub() {
    return client.connectPubSub(ByteArrayCodec.INSTANCE);
  }

  /** Closes every connection of this connector and the client's threads. */
  @Override
  public void close() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
