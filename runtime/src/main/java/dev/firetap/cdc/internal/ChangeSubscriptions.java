package dev.firetap.cdc.internal;

import dev.firetap.cdc.Subscription;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.EventCodec;
import dev.firetap.event.EventFormatException;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time delivery of change events from the per-collection Pub/Sub channels, over one connection
 * shared by every subscription of a Firetap instance. Listeners run on one Firetap thread, never on
 * Lettuce's I/O threads, so a slow listener delays only other listeners.
 */
public final class ChangeSubscriptions implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeSubscriptions.class);
  private static final String ALL = "*";

  private final RedisConnector connector;
  private final StreamKeys keys;
  private final Map<String, List<Consumer<ChangeEvent>>> listeners = new ConcurrentHashMap<>();
  private final ExecutorService dispatcher;
  private StatefulRedisPubSubConnection<byte[], byte[]> connection;

  /** Creates the registry; the connection opens with the first subscription. */
  public ChangeSubscriptions(RedisConnector connector, StreamKeys keys, String service) {
    this.connector = connector;
    this.keys = keys;
    this.dispatcher =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "firetap-subscriptions-" + service);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Subscribes {@code listener} to the change channel of {@code collection}. */
  public synchronized Subscription subscribe(String collection, Consumer<ChangeEvent> listener) {
    String channel = keys.changeChannel(collection);
    if (add(channel, listener)) {
      connection().sync().subscribe(bytes(channel));
    }
    return () -> remove(channel, listener);
  }

  /** Subscribes {@code listener} to the change channels of every collection. */
  public synchronized Subscription subscribeAll(Consumer<ChangeEvent> listener) {
    if (add(ALL, listener)) {
      connection().sync().psubscribe(bytes(keys.allChangeChannels()));
    }
    return () -> remove(ALL, listener);
  }

  /** Adds the listener; true when it is the first for its channel. */
  private boolean add(String channel, Consumer<ChangeEvent> listener) {
    List<Consumer<ChangeEvent>> forChannel =
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
    forChannel.add(listener);
    return forChannel.size() == 1;
  }

  private synchronized void remove(String channel, Consumer<ChangeEvent> listener) {
    List<Consumer<ChangeEvent>> forChannel = listeners.get(channel);
    if (forChannel == null || !forChannel.remove(listener) || !forChannel.isEmpty()) {
      return;
    }
    listeners.remove(channel);
    try {
      if (channel.equals(ALL)) {
        connection.async().punsubscribe(bytes(keys.allChangeChannels()));
      } else {
        connection.async().unsubscribe(bytes(channel));
      }
    } catch (RuntimeException e) {
      log.debug("cannot unsubscribe from {}", channel, e);
    }
  }

  private StatefulRedisPubSubConnection<byte[], byte[]> connection() {
    if (connection == null) {
      connection = connector.connectPubSub();
      connection.addListener(new Dispatch());
    }
    return connection;
  }

  private void dispatch(String listenersKey, byte[] message) {
    List<Consumer<ChangeEvent>> forChannel = listeners.get(listenersKey);
    if (forChannel == null) {
      return;
    }
    ChangeEvent event;
    try {
      event = EventCodec.decodeChange(message);
    } catch (EventFormatException e) {
      log.warn(
          "{}: ignoring a message that is not a change event: {}", listenersKey, e.getMessage());
      return;
    }
    for (Consumer<ChangeEvent> listener : forChannel) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn(
            "{}: change listener {} failed on event {}", listenersKey, listener, event.id(), e);
      }
    }
  }

  @Override
  public synchronized void close() {
    listeners.clear();
    if (connection != null) {
      connection.close();
    }
    dispatcher.shutdownNow();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Hands each message from Lettuce's I/O thread to the dispatcher thread. */
  private final class Dispatch extends RedisPubSubAdapter<byte[], byte[]> {
    @Override
    public void message(byte[] channel, byte[] message) {
      String name = new String(channel, StandardCharsets.UTF_8);
      hand(() -> dispatch(name, message));
    }

    @Override
    public void message(byte[] pattern, byte[] channel, byte[] message) {
      hand(() -> dispatch(ALL, message));
    }

    private void hand(Runnable delivery) {
      try {
        dispatcher.execute(delivery);
      } catch (RejectedExecutionException closed) {
        // A message that raced with close(): there is no listener left to deliver it to.
      }
    }
  }
}
