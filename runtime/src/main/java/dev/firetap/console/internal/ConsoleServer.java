package dev.firetap.console.internal;

import com.sun.net.httpserver.HttpServer;
import dev.firetap.config.FiretapConfig;
import dev.firetap.console.ConsoleOptions;
import dev.firetap.console.ConsoleStartException;
import dev.firetap.handler.HandlerAdmin;
import dev.firetap.redis.LazyConnection;
import dev.firetap.redis.MergedTail;
import dev.firetap.redis.RedisConnector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server (the JDK's {@code com.sun.net.httpserver}) and the Redis connections
 * behind it. Requests run on a fixed pool of daemon threads, enough for every live tail and more.
 */
public final class ConsoleServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
  private static final int THREADS = ChangeFeed.MAX_TAILS + 8;
  private static final int TOKEN_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer http;
  private final ExecutorService executor;
  private final RedisConnector connector;
  private final LazyConnection queries;
  private final HandlerAdmin admin;
  private final ChangeFeed feed;
  private final URI url;
  private final String token;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);

  private ConsoleServer(FiretapConfig config, HttpServer http, String token, Clock clock) {
    this.http = http;
    this.token = token;
    this.url = url(http.getAddress());
    this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    this.connector = new RedisConnector(config.redis(), config.redisTimeout(), MergedTail.BLOCK);
    this.queries = new LazyConnection(connector);
    this.admin = HandlerAdmin.connect(config);
    this.feed = new ChangeFeed(connector, config.streamKeys());
    ConsoleApi api = new ConsoleApi(queries, config.streamKeys(), admin, clock);
    AccessGuard guard = new AccessGuard(token, url.getPort());
    http.setExecutor(executor);
    http.createContext("/", new ConsoleRouter(guard, new StaticFiles(), api, feed));
  }

  /**
   * Binds the address and starts serving.
   *
   * @throws ConsoleStartException when the address is not this machine's or the port is taken
   */
  public static ConsoleServer start(FiretapConfig config, ConsoleOptions options, Clock clock) {
    String token = options.token().isEmpty() ? randomToken() : options.token().value();
    ConsoleServer server = new ConsoleServer(config, bind(options), token, clock);
    server.startDispatcher();
    log.info(
        "Firetap console listening on {} (Redis {}, prefix {})",
        server.url,
        config.redis(),
        config.prefix());
    return server;
  }

  /**
   * Starts the server's dispatcher thread from a daemon thread, whose daemon status it inherits:
   * the JDK's server does not offer to set it, and the console must never keep a JVM alive.
   */
  private void startDispatcher() {
    Thread starter = new Thread(http::start, "firetap-console-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ConsoleStartException("interrupted while the console started", e);
    }
  }

  private static HttpServer bind(ConsoleOptions options) {
    InetSocketAddress address = new InetSocketAddress(options.bind(), options.port());
    if (address.isUnresolved()) {
      throw new ConsoleStartException(
          "firetap.console.bind '" + options.bind() + "' is not an address of this machine", null);
    }
    try {
      return HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new ConsoleStartException(
          "the console cannot listen on "
              + options.bind()
              + " port "
              + options.port()
              + " (firetap.console.bind, firetap.console.port): "
              + e.getMessage(),
          e);
    }
  }

  /** 128 random bits, URL-safe. */
  private static String randomToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The address to open; a wildcard bind is shown as the loopback address. */
  private static URI url(InetSocketAddress address) {
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + authority + ":" + address.getPort() + "/");
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "firetap-console-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The console's address, with the port it took. */
  public URI url() {
    return url;
  }

  /** The token requests must carry. */
  public String token() {
    return token;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops serving, ends the live tails and closes the Redis connections. Idempotent. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    feed.close();
    http.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(MergedTail.BLOCK.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close();
    queries.close();
    connector.close();
    log.info("Firetap console on {} stopped", url);
    closed.countDown();
  }
}
