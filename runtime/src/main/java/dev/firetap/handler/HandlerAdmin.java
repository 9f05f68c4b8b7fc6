package dev.firetap.handler;

import dev.firetap.config.FiretapConfig;
import dev.firetap.handler.internal.DeadLetterStore;
import dev.firetap.handler.internal.HandlerIds;
import dev.firetap.handler.internal.HandlerKeys;
import dev.firetap.handler.internal.LagProbe;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks after handlers without running any: the lag of every consumer group and the dead letters of
 * any handler id, for tools such as the command line. A {@link HandlerRuntime} offers the same for
 * its own handlers.
 *
 * <pre>{@code
 * try (HandlerAdmin admin = HandlerAdmin.connect(FiretapConfig.load())) {
 *   admin.lagOfAllGroups().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Every method reads Redis on the caller's thread and throws {@link
 * io.lettuce.core.RedisException} when Redis cannot be reached. Thread-safe.
 */
public final class HandlerAdmin implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HandlerAdmin.class);

  private final StreamKeys streams;
  private final HandlerKeys keys;
  private final DeadLetterStore deadLetters;
  private final LazyConnection redis;
  private final AutoCloseable owned;

  HandlerAdmin(
      StreamKeys streams, HandlerKeys keys, DeadLetterStore deadLetters, LazyConnection redis) {
    this(streams, keys, deadLetters, redis, () -> {});
  }

  private HandlerAdmin(
      StreamKeys streams,
      HandlerKeys keys,
      DeadLetterStore deadLetters,
      LazyConnection redis,
      AutoCloseable owned) {
    this.streams = streams;
    this.keys = keys;
    this.deadLetters = deadLetters;
    this.redis = redis;
    this.owned = owned;
  }

  /**
   * Prepares an admin for the Redis and prefix of {@code config}; it connects on first use.
   *
   * @throws NullPointerException if config is null
   */
  public static HandlerAdmin connect(FiretapConfig config) {
    Objects.requireNonNull(config, "config");
    RedisConnector connector = new RedisConnector(config.redis(), config.redisTimeout());
    LazyConnection redis = new LazyConnection(connector);
    AutoCloseable owned =
        () -> {
          redis.close();
          connector.close();
        };
    HandlerKeys keys = new HandlerKeys(config.prefix(), config.redis().cluster());
    return new HandlerAdmin(
        config.streamKeys(),
        keys,
        new DeadLetterStore(keys, config.handlersDlqMaxLen()),
        redis,
        owned);
  }

  /**
   * How far every consumer group on every {@code <prefix>:cdc:*} and {@code <prefix>:logs:*} stream
   * is behind, whether or not a worker runs it now; sorted by stream, then group.
   */
  public synchronized List<HandlerLag> lagOfAllGroups() {
    return LagProbe.measureAll(redis.commands(), streams, keys);
  }

  /**
   * How far the group {@code handlerId} is behind on {@code stream}; all zero when it is absent.
   */
  synchronized HandlerLag lag(String handlerId, String stream) {
    return LagProbe.measure(redis.commands(), keys, handlerId, stream);
  }

  /**
   * The events the handler gave up on, oldest first; empty for an id without dead letters.
   *
   * @throws IllegalArgumentException if the id is not a valid handler id
   */
  public synchronized List<DeadLetter> deadLetters(String handlerId) {
    HandlerIds.check(Objects.requireNonNull(handlerId, "handlerId"));
    return deadLetters.list(redis.commands(), handlerId);
  }

  /**
   * Moves the given dead letters of the handler back to the streams they came from, where every
   * handler of that stream sees them again (those that completed the event before skip it within
   * their dedupe retention).
   *
   * @param entryIds ids of {@link DeadLetter#id()}; ids that are not dead letters are skipped
   * @return how many were moved
   * @throws IllegalArgumentException if the handler id is not valid
   */
  public synchronized int replay(String handlerId, List<String> entryIds) {
    HandlerIds.check(Objects.requireNonNull(handlerId, "handlerId"));
    Objects.requireNonNull(entryIds, "entryIds");
    int moved = deadLetters.replay(redis.commands(), handlerId, List.copyOf(entryIds));
    log.info("handler {}: {} dead letters replayed", handlerId, moved);
    return moved;
  }

  /**
   * Replays every dead letter of the handler, as {@link #replay} does.
   *
   * @return how many were moved
   */
  public synchronized int replayAll(String handlerId) {
    return replay(handlerId, deadLetters(handlerId).stream().map(DeadLetter::id).toList());
  }

  /** Closes the connection this admin opened; an admin of a runtime leaves it to the runtime. */
  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      log.debug("closing the handler admin failed", e);
    }
  }
}
