package dev.firetap.sample.handlers;

import com.google.cloud.firestore.Firestore;
import dev.firetap.config.FiretapConfig;
import dev.firetap.handler.HandlerContext;
import dev.firetap.sample.SampleFirestore;
import dev.firetap.sample.SampleSettings;
import dev.firetap.sample.messages.FileOutbox;
import dev.firetap.sample.messages.MessageSender;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The clients every handler class of the worker shares through its {@link HandlerContext}: Redis
 * (the one Firetap's streams are in, {@code firetap.redis.url}), Firestore and the message sender,
 * the last two from the sample's settings.
 */
public final class SampleClients implements AutoCloseable {
  private final RedisClient redisClient;
  private final StatefulRedisConnection<String, String> redis;
  private final Firestore firestore;
  private final MessageSender messages;

  private SampleClients(
      RedisClient redisClient,
      StatefulRedisConnection<String, String> redis,
      Firestore firestore,
      MessageSender messages) {
    this.redisClient = redisClient;
    this.redis = redis;
    this.firestore = firestore;
    this.messages = messages;
  }

  /** The clients of the worker that {@code context} belongs to, opened on first use. */
  static SampleClients of(HandlerContext context) {
    return context.shared(SampleClients.class, SampleClients::open);
  }

  private static SampleClients open(HandlerContext context) {
    FiretapConfig config = context.config();
    SampleSettings settings = SampleSettings.load();
    RedisClient client = RedisClient.create(config.redis().toRedisUri(config.redisTimeout()));
    try {
      return new SampleClients(
          client,
          client.connect(),
          SampleFirestore.open(settings),
          FileOutbox.open(settings.outbox()));
    } catch (IOException e) {
      client.shutdown();
      throw new UncheckedIOException("cannot open the outbox " + settings.outbox(), e);
    }
  }

  /** Redis commands; the connection is shared by every handler thread. */
  RedisCommands<String, String> redis() {
    return redis.sync();
  }

  /** The Firestore client. */
  Firestore firestore() {
    return firestore;
  }

  /** Where e-mails and SMS go. */
  MessageSender messages() {
    return messages;
  }

  @Override
  public void close() throws Exception {
    messages.close();
    firestore.close();
    redis.close();
    redisClient.shutdown();
  }
}
