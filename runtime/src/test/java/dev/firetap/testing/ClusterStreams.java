package dev.firetap.testing;

import dev.firetap.handler.internal.HandlerKeys;
import io.lettuce.core.Range;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads what Firetap wrote to a test {@link RedisCluster}, each command routed to the master of its
 * key's slot: stream entries' {@code event} fields and the leases of sharded handlers.
 */
public final class ClusterStreams implements AutoCloseable {
  private final RedisClusterClient client;
  private final StatefulRedisClusterConnection<String, String> connection;

  private ClusterStreams(RedisClusterClient client) {
    this.client = client;
    this.connection = client.connect();
  }

  /** Connects to {@code cluster} through every node of its URL. */
  public static ClusterStreams connect(RedisCluster cluster) {
    // Lettuce's own URIs, not RedisEndpoint's: the agent's tests see the agent jar's RedisEndpoint,
    // which makes URIs of the agent's shaded Lettuce.
    List<RedisURI> nodes =
        Arrays.stream(cluster.url().substring("redis-cluster://".length()).split(","))
            .map(node -> RedisURI.create("redis://" + node))
            .toList();
    return new ClusterStreams(RedisClusterClient.create(nodes));
  }

  /** The number of entries of {@code stream}. */
  public long length(String stream) {
    return commands().xlen(stream);
  }

  /** The {@code event} field of every entry of {@code stream}, oldest first. */
  public List<String> events(String stream) {
    List<String> events = new ArrayList<>();
    for (StreamMessage<String, String> message :
        commands().xrange(stream, Range.create("-", "+"))) {
      events.add(message.getBody().get("event"));
    }
    return events;
  }

  /** How many workers hold the leases of a handler on {@code streams}. */
  public long leaseOwners(List<String> streams, String handlerId) {
    HandlerKeys keys = new HandlerKeys("firetap", true);
    return streams.stream()
        .map(stream -> commands().get(keys.lease(stream, handlerId)))
        .filter(Objects::nonNull)
        .distinct()
        .count();
  }

  /** The synchronous commands, for anything else. */
  public RedisClusterCommands<String, String> commands() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
