package dev.firetap.handler;

import dev.firetap.config.FiretapConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker gives the handler classes it creates: the Firetap settings of the process, and the
 * resources its handler classes share, such as one database client for all of them.
 *
 * <pre>{@code
 * public final class OrderHandlers {
 *   private final Clients clients;
 *
 *   public OrderHandlers(HandlerContext context) {      // the worker calls this constructor
 *     this.clients = context.shared(Clients.class, Clients::open);
 *   }
 *   ...
 * }
 * }</pre>
 *
 * <p>The worker closes the context after its handlers have stopped, which closes every shared
 * resource, the last created first. Thread-safe.
 */
public final class HandlerContext implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HandlerContext.class);

  private final FiretapConfig config;
  private final Map<Class<?>, AutoCloseable> shared = new LinkedHashMap<>();
  private boolean closed;

  /** Creates a context of {@code config} without resources. */
  public HandlerContext(FiretapConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The settings of the process: where Redis is, the key prefix, the service name. */
  public FiretapConfig config() {
    return config;
  }

  /**
   * The shared resource of {@code type}: made by {@code factory} on the first call for that type,
   * the same instance on every later call.
   *
   * @throws IllegalStateException if the context is closed
   * @throws RuntimeException what the factory throws; the next call tries again
   */
  public synchronized <T extends AutoCloseable> T shared(
      Class<T> type, Function<? super HandlerContext, ? extends T> factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    if (closed) {
      throw new IllegalStateException(
          "handler context is closed: no " + type.getName() + " can be shared any more");
    }
    AutoCloseable existing = shared.get(type);
    if (existing != null) {
      return type.cast(existing);
    }
    T created = Objects.requireNonNull(factory.apply(this), "factory returned null");
    shared.put(type, created);
    return created;
  }

  /**
   * Closes every shared resource, the last created first. A resource that fails to close is logged
   * at WARN and the others are still closed. Idempotent; never throws.
   */
  @Override
  public void close() {
    List<Map.Entry<Class<?>, AutoCloseable>> resources;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      resources = new ArrayList<>(shared.entrySet());
      shared.clear();
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      closeQuietly(resources.get(i).getKey(), resources.get(i).getValue());
    }
  }

  private static void closeQuietly(Class<?> type, AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("handler context: closing the shared {} failed", type.getName(), e);
    }
  }
}
