package dev.firetap.handler;

import dev.firetap.ProcessIdentity;
import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Level;
import dev.firetap.event.Operation;
import dev.firetap.handler.internal.AnnotatedHandlers;
import dev.firetap.handler.internal.ConsumerNames;
import dev.firetap.handler.internal.DeadLetterStore;
import dev.firetap.handler.internal.EventNameGlob;
import dev.firetap.handler.internal.HandlerIds;
import dev.firetap.handler.internal.HandlerKeys;
import dev.firetap.handler.internal.HandlerLoop;
import dev.firetap.handler.internal.HandlerSpec;
import dev.firetap.handler.internal.HandlerTarget;
import dev.firetap.handler.internal.ShardShare;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs application handlers on Firetap's streams, like consumer groups: each handler has a stable
 * id and its own consumer group of that name on its stream, so each progresses and fails on its
 * own, and the workers that run the same handler id share its events.
 *
 * <pre>{@code
 * try (HandlerRuntime handlers =
 *     HandlerRuntime.builder(FiretapConfig.load())
 *         .onChange("order-emails", "orders", Set.of(Operation.CREATE), (event, d) -> send(event))
 *         .register(new PaymentAlerts())
 *         .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Delivery is at least once, with duplicates of a completed event skipped for {@link
 * HandlerOptions#dedupeRetention()}; docs/handlers.md states every guarantee and its limits. A JVM
 * shutdown hook closes the runtime; its threads are daemon threads.
 */
public final class HandlerRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HandlerRuntime.class);

  private final FiretapConfig config;
  private final List<HandlerSpec> specs;
  private final StreamKeys streams;
  private final RedisConnector connector;
  private final LazyConnection admin;
  private final DeadLetterStore deadLetters;
  private final HandlerAdmin handlerAdmin;
  private final List<HandlerLoop> loops = new ArrayList<>();
  private final ScheduledExecutorService leaseRenewals =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "firetap-lease-renewals");
            thread.setDaemon(true);
            return thread;
          });
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private HandlerRuntime(FiretapConfig config, List<HandlerSpec> specs) {
    this.config = config;
    this.specs = List.copyOf(specs);
    this.streams = config.streamKeys();
    HandlerKeys keys = new HandlerKeys(config.prefix(), config.redis().cluster());
    this.connector = new RedisConnector(config.redis(), config.redisTimeout(), longestBlock(specs));
    this.admin = new LazyConnection(connector);
    this.deadLetters = new DeadLetterStore(keys, config.handlersDlqMaxLen());
    this.handlerAdmin = new HandlerAdmin(streams, keys, deadLetters, admin);
    String consumer = ConsumerNames.create(ProcessIdentity.of(config.service()).host());
    for (HandlerSpec spec : specs) {
      List<String> specStreams = spec.target().streams(streams);
      ShardShare shards =
          specStreams.size() > 1 ? new ShardShare(specStreams.size(), leaseRenewals) : null;
      for (String stream : specStreams) {
        loops.add(
            new HandlerLoop(
                spec, keys, stream, consumer, cap(spec), connector, deadLetters, shards));
      }
    }
    this.shutdownHook = new Thread(this::close, "firetap-handlers-shutdown");
  }

  /**
   * Starts registering handlers that read the Redis and prefix of {@code config}.
   *
   * @param config where the streams are; {@code firetap.shutdown.timeout} bounds {@link #close()}
   */
  public static Builder builder(FiretapConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  private void start() {
    createGroups();
    loops.forEach(HandlerLoop::start);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    log.info(
        "handler runtime started on {} with {} handlers: {}",
        config.redis(),
        specs.size(),
        handlerIds());
  }

  /**
   * Creates the consumer groups now, so that a handler starting from now sees every event added
   * after start() returns. When Redis is unreachable, each loop creates its group once it is back.
   */
  private void createGroups() {
    try {
      for (HandlerSpec spec : specs) {
        String startId = spec.options().startFrom().groupStartId();
        for (String stream : spec.target().streams(streams)) {
          HandlerLoop.createGroup(
              admin.commands(), new HandlerLoop.LoopGroup(spec.id(), stream, startId));
        }
      }
    } catch (RedisException e) {
      log.warn(
          "handler runtime: Redis at {} unreachable at start ({}); handlers start when it is back",
          config.redis(),
          e.toString());
    }
  }

  /** The ids of the running handlers, in registration order. */
  public List<String> handlerIds() {
    return specs.stream().map(HandlerSpec::id).toList();
  }

  /**
   * The events the handler gave up on, oldest first.
   *
   * @throws IllegalArgumentException if the id is not a valid handler id
   * @throws RedisException when Redis cannot be reached
   */
  public synchronized List<DeadLetter> deadLetters(String handlerId) {
    return handlerAdmin.deadLetters(handlerId);
  }

  /**
   * Moves the given dead letters of the handler back to the streams they came from, where every
   * handler of that stream sees them again (those that completed the event before skip it within
   * their dedupe retention).
   *
   * @param entryIds ids of {@link DeadLetter#id()}; ids that are not dead letters are skipped
   * @return how many were moved
   * @throws RedisException when Redis cannot be reached; letters moved before stay moved
   */
  public synchronized int replay(String handlerId, String... entryIds) {
    Objects.requireNonNull(entryIds, "entryIds");
    return handlerAdmin.replay(handlerId, Arrays.asList(entryIds));
  }

  /**
   * Replays every dead letter of the handler, as {@link #replay} does.
   *
   * @return how many were moved
   * @throws RedisException when Redis cannot be reached
   */
  public synchronized int replayAll(String handlerId) {
    return handlerAdmin.replayAll(handlerId);
  }

  /**
   * How far each handler is behind its streams, over all workers, in registration order; one entry
   * per stream, so per shard when a collection has several.
   *
   * @throws RedisException when Redis cannot be reached
   */
  public synchronized List<HandlerLag> lag() {
    List<HandlerLag> lags = new ArrayList<>();
    for (HandlerSpec spec : specs) {
      for (String stream : spec.target().streams(streams)) {
        lags.add(handlerAdmin.lag(spec.id(), stream));
      }
    }
    return lags;
  }

  /**
   * Stops reading, lets the handlers finish and acknowledge what they are running within {@code
   * firetap.shutdown.timeout}, and releases every connection and thread. What is still running then
   * stays pending and is taken over by another worker after its claimIdle. Idempotent: a call made
   * while another thread closes the runtime (such as the JVM shutdown hook) returns once that one
   * has finished.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    try {
      stop();
    } finally {
      stopped.countDown();
    }
  }

  private void stop() {
    removeShutdownHook();
    Duration timeout = config.shutdownTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    loops.forEach(loop -> loop.stop(timeout));
    boolean clean = true;
    for (HandlerLoop loop : loops) {
      clean &= loop.awaitStopped(deadline);
    }
    leaseRenewals.shutdownNow();
    admin.close();
    connector.close();
    log.info("handler runtime stopped{}", clean ? "" : " (some entries left pending)");
  }

  private void awaitStopped() {
    try {
      // The closing thread is bounded by the shutdown timeout; the margin covers closing Redis.
      stopped.await(config.shutdownTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: this is the hook running.
    }
  }

  private long cap(HandlerSpec spec) {
    return spec.target() instanceof HandlerTarget.Changes
        ? config.cdcMaxLen()
        : config.logsMaxLen();
  }

  private static Duration longestBlock(List<HandlerSpec> specs) {
    return specs.stream()
        .map(spec -> spec.options().block())
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** Registers handlers and their options; {@link #start()} starts them. Not thread-safe. */
  public static final class Builder {
    private final FiretapConfig config;
    private final Map<String, HandlerTarget> targets = new LinkedHashMap<>();
    private final Map<String, HandlerOptions> options = new LinkedHashMap<>();
    private HandlerOptions defaults = HandlerOptions.defaults();

    private Builder(FiretapConfig config) {
      this.config = config;
    }

    /**
     * Registers a handler for the change events of {@code collection}.
     *
     * @param handlerId the stable id, {@code [A-Za-z0-9_.-]{1,100}}, unique in this runtime
     * @param ops the operations to handle; other events are acknowledged without running it
     * @throws IllegalArgumentException if the id is invalid or taken, the collection is not a
     *     collection id, or ops is empty
     */
    public Builder onChange(
        String handlerId, String collection, Set<Operation> ops, ChangeHandler handler) {
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(ops, "ops");
      Objects.requireNonNull(handler, "handler");
      return add(handlerId, new HandlerTarget.Changes(collection, ops, handler));
    }

    /**
     * Registers a handler for the log events of {@code level} whose name matches {@code
     * eventNameGlob} ({@code *} any run of characters, {@code ?} one character).
     *
     * @param handlerId the stable id, {@code [A-Za-z0-9_.-]{1,100}}, unique in this runtime
     * @throws IllegalArgumentException if the id is invalid or taken, or the glob is blank
     */
    public Builder onLog(String handlerId, Level level, String eventNameGlob, LogHandler handler) {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(eventNameGlob, "eventNameGlob");
      Objects.requireNonNull(handler, "handler");
      return add(
          handlerId, new HandlerTarget.Logs(level, EventNameGlob.of(eventNameGlob), handler));
    }

    /**
     * Registers every method of {@code bean} annotated {@link OnChange} or {@link OnLog}.
     *
     * @throws IllegalArgumentException if the bean has no such method, one has the wrong signature,
     *     or an id is invalid or taken
     */
    public Builder register(Object bean) {
      Objects.requireNonNull(bean, "bean");
      for (AnnotatedHandlers.Found found : AnnotatedHandlers.of(bean)) {
        add(found.id(), found.target());
      }
      return this;
    }

    /**
     * Sets the options of one handler, registered before or after this call.
     *
     * @throws IllegalArgumentException if the id is invalid
     */
    public Builder options(String handlerId, HandlerOptions handlerOptions) {
      HandlerIds.check(Objects.requireNonNull(handlerId, "handlerId"));
      options.put(handlerId, Objects.requireNonNull(handlerOptions, "handlerOptions"));
      return this;
    }

    /**
     * Sets the options of every handler that has none of its own; by default {@link
     * HandlerOptions#defaults()}.
     */
    public Builder defaultOptions(HandlerOptions handlerOptions) {
      this.defaults = Objects.requireNonNull(handlerOptions, "handlerOptions");
      return this;
    }

    /**
     * Creates the consumer groups and starts every handler. Waits at most {@code
     * firetap.redis.timeout} for Redis: when it is unreachable, the handlers start once it answers.
     *
     * @throws IllegalStateException if no handler is registered
     * @throws IllegalArgumentException if options were given for an id that is not registered
     */
    public HandlerRuntime start() {
      if (targets.isEmpty()) {
        throw new IllegalStateException(
            "no handler registered: call onChange, onLog or register before start");
      }
      for (String id : options.keySet()) {
        if (!targets.containsKey(id)) {
          throw new IllegalArgumentException(
              "options given for handler '"
                  + id
                  + "', which is not registered; registered: "
                  + targets.keySet());
        }
      }
      List<HandlerSpec> specs = new ArrayList<>();
      targets.forEach(
          (id, target) ->
              specs.add(new HandlerSpec(id, target, options.getOrDefault(id, defaults))));
      HandlerRuntime runtime = new HandlerRuntime(config, specs);
      runtime.start();
      return runtime;
    }

    private Builder add(String handlerId, HandlerTarget target) {
      HandlerIds.check(Objects.requireNonNull(handlerId, "handlerId"));
      if (targets.containsKey(handlerId)) {
        throw new IllegalArgumentException(
            "handler id '" + handlerId + "' is registered twice; each handler needs its own id");
      }
      targets.put(handlerId, target);
      return this;
    }
  }
}
