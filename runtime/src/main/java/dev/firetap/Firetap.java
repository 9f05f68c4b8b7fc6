package dev.firetap;

import com.google.cloud.firestore.Firestore;
import dev.firetap.cdc.ChangeCapture;
import dev.firetap.cdc.internal.ChangeSubscriptions;
import dev.firetap.config.FiretapConfig;
import dev.firetap.emit.Emitter;
import dev.firetap.emit.internal.DisabledEmitter;
import dev.firetap.emit.internal.RedisEmitter;
import dev.firetap.log.LogAggregator;
import dev.firetap.log.internal.ErrorArchive;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.RedisConnector;
import dev.firetap.redis.StreamKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Firetap instance: the emitter, the log aggregation API and the change capture API, sharing
 * one Redis client.
 *
 * <pre>{@code
 * Firetap firetap = Firetap.start();                       // settings from the environment
 * firetap.logs().info("game_played", Map.of("score", 1500));
 * firetap.changes().capture(Change.create("orders", id).after(order));
 * }</pre>
 *
 * <p>Starting never touches the network on the calling thread; a JVM shutdown hook closes the
 * instance, delivering or spooling what is queued.
 */
public final class Firetap implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Firetap.class);

  /** The instance that annotated methods report to; see {@link #global()}. */
  private static final AtomicReference<Firetap> GLOBAL = new AtomicReference<>();

  /**
   * The process-wide instance (the agent's) that later starts join; see {@link
   * Builder#processWide}.
   */
  private static final AtomicReference<Firetap> PROCESS_WIDE = new AtomicReference<>();

  private final FiretapConfig config;
  private final RedisConnector connector;
  private final Emitter emitter;
  private final ErrorArchive errors;
  private final LazyConnection queries;
  private final ChangeSubscriptions subscriptions;
  private final LogAggregator logs;
  private final ChangeCapture changes;
  private final Thread shutdownHook;
  private final boolean owner;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Firetap(FiretapConfig config, Firestore firestore, boolean closeOnShutdown) {
    this.config = config;
    ProcessIdentity identity = ProcessIdentity.of(config.service());
    StreamKeys keys = config.streamKeys();
    this.connector =
        new RedisConnector(
            config.redis(), config.redisTimeout(), Duration.ZERO, config.threadsNice());
    this.emitter = config.enabled() ? RedisEmitter.start(config, connector) : new DisabledEmitter();
    this.errors = errorArchive(config, firestore);
    this.queries = new LazyConnection(connector);
    this.subscriptions = new ChangeSubscriptions(connector, keys, config.service());
    Clock clock = Clock.systemUTC();
    this.logs = new LogAggregator(emitter, errors, identity, keys, queries, clock);
    this.changes = new ChangeCapture(emitter, identity, subscriptions, clock);
    this.shutdownHook = closeOnShutdown ? new Thread(this::close, "firetap-shutdown") : null;
    this.owner = true;
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    log.info(
        "Firetap {} started for service {}: {}",
        identity.version(),
        config.service(),
        config.describe());
    GLOBAL.compareAndSet(null, this);
  }

  /**
   * An instance that joins {@code shared}: its Redis client, emitter (queue and spool) and
   * subscriptions, with log and change APIs of its own service name and an error archive of its own
   * Firestore. Closing it closes only that archive.
   */
  private Firetap(Firetap shared, FiretapConfig config, Firestore firestore, boolean hook) {
    this.config = shared.config;
    ProcessIdentity identity = ProcessIdentity.of(config.service());
    StreamKeys keys = new StreamKeys(shared.config.prefix());
    this.connector = shared.connector;
    this.emitter = shared.emitter;
    this.errors = errorArchive(config, firestore);
    this.queries = shared.queries;
    this.subscriptions = shared.subscriptions;
    Clock clock = Clock.systemUTC();
    this.logs = new LogAggregator(emitter, errors, identity, keys, queries, clock);
    this.changes = new ChangeCapture(emitter, identity, subscriptions, clock);
    this.shutdownHook = hook ? new Thread(this::close, "firetap-shutdown") : null;
    this.owner = false;
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    log.info(
        "Firetap started for service {}: joins the instance of service {} already running in this"
            + " process (its emitter, Redis connection and spool: {})",
        config.service(),
        shared.config.service(),
        shared.config.describe());
    if (!shared.config.redis().equals(config.redis())
        || !shared.config.prefix().equals(config.prefix())) {
      log.warn(
          "Firetap for service {}: firetap.redis.url and firetap.prefix of the instance already"
              + " running in this process win over this one's ({}, prefix {})",
          config.service(),
          config.redis(),
          config.prefix());
    }
  }

  private static ErrorArchive errorArchive(FiretapConfig config, Firestore firestore) {
    return config.enabled() && config.errorsEnabled()
        ? ErrorArchive.start(
            firestore, config.errorsCollection(), config.shutdownTimeout(), config.service())
        : ErrorArchive.disabled();
  }

  /** The running process-wide instance, or else the running instance annotated methods use. */
  private static Firetap running(boolean processWide) {
    Firetap shared = processWide ? GLOBAL.get() : PROCESS_WIDE.get();
    return shared == null || shared.closed.get() ? null : shared;
  }

  /**
   * Starts Firetap with the settings of this process: system properties and {@code FIRETAP_*}
   * environment variables.
   *
   * @throws dev.firetap.config.FiretapConfigException when a setting is invalid; the message names
   *     it
   */
  public static Firetap start() {
    return start(FiretapConfig.load());
  }

  /** Starts Firetap with {@code config}; error logs go to the Firestore of the environment. */
  public static Firetap start(FiretapConfig config) {
    return builder().config(config).start();
  }

  /** A builder, for giving Firetap the application's own Firestore client. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The instance that {@code @Logged} and {@code @CaptureChange} methods report to: the first one
   * started that is not closed yet. When it closes, the next instance started takes its place.
   *
   * @return empty while no instance is running
   */
  public static Optional<Firetap> global() {
    return Optional.ofNullable(GLOBAL.get());
  }

  /** The settings this instance runs with. */
  public FiretapConfig config() {
    return config;
  }

  /** The emitter all events of this instance go through. */
  public Emitter emitter() {
    return emitter;
  }

  /** Log aggregation: logging, recent logs, daily counts. */
  public LogAggregator logs() {
    return logs;
  }

  /** Change capture by hand, and real-time subscriptions. */
  public ChangeCapture changes() {
    return changes;
  }

  /**
   * Delivers what is queued within {@code firetap.shutdown.timeout} (the rest waits in the spool
   * for the next start) and releases every connection and thread. Idempotent; never throws.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    GLOBAL.compareAndSet(this, null);
    PROCESS_WIDE.compareAndSet(this, null);
    try {
      if (shutdownHook != null) {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      }
    } catch (IllegalStateException alreadyShuttingDown) {
      // Called from the hook itself.
    }
    errors.close();
    if (!owner) {
      return;
    }
    subscriptions.close();
    emitter.close();
    queries.close();
    connector.close();
  }

  /** Builds a {@link Firetap} from a configuration and, optionally, the application's Firestore. */
  public static final class Builder {
    private FiretapConfig config;
    private Firestore firestore;
    private boolean closeOnShutdown = true;
    private boolean processWide;

    private Builder() {}

    /** The settings; by default those of this process ({@link FiretapConfig#load()}). */
    public Builder config(FiretapConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The Firestore client that stores error logs; by default one made from the environment at the
     * first error.
     */
    public Builder firestore(Firestore firestore) {
      this.firestore = Objects.requireNonNull(firestore, "firestore");
      return this;
    }

    /**
     * Whether a JVM shutdown hook closes the instance (the default). Turn it off only when the
     * caller closes it in a hook of its own, after work that must still emit, as the agent does.
     */
    public Builder closeOnShutdown(boolean close) {
      this.closeOnShutdown = close;
      return this;
    }

    /**
     * Makes the instance process-wide, as the Firetap agent does: while it runs, every other start
     * in this process joins it (one Redis connection, one queue, one spool), and when an instance
     * already runs, this one joins that instead.
     */
    public Builder processWide(boolean processWide) {
      this.processWide = processWide;
      return this;
    }

    /**
     * Starts the instance, or joins the process-wide one: it then shares that instance's Redis
     * connection, emitter and spool, and its own settings other than the service name and the error
     * archive are not used.
     */
    public Firetap start() {
      FiretapConfig settings = config != null ? config : FiretapConfig.load();
      synchronized (Builder.class) {
        Firetap shared = running(processWide);
        if (shared != null) {
          return new Firetap(shared, settings, firestore, closeOnShutdown);
        }
        Firetap started = new Firetap(settings, firestore, closeOnShutdown);
        if (processWide) {
          PROCESS_WIDE.set(started);
        }
        return started;
      }
    }
  }
}
