package dev.firetap.console;

import dev.firetap.config.FiretapConfig;
import dev.firetap.console.internal.ConsoleServer;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * The Firetap web console: recent logs, daily counts, a live tail of change events, handler lag and
 * dead letters, read from the Redis of a {@link FiretapConfig}. It never writes to Redis except
 * when asked to replay dead letters.
 *
 * <pre>{@code
 * try (FiretapConsole console =
 *     FiretapConsole.start(FiretapConfig.load(), ConsoleOptions.from(FiretapConfig.load()))) {
 *   System.out.println("open " + console.loginUrl());
 *   console.awaitClose();
 * }
 * }</pre>
 *
 * <p>Every request must carry the token, see docs/console.md. The console runs on daemon threads
 * and never connects to Redis on the starting thread.
 */
public final class FiretapConsole implements AutoCloseable {
  private final ConsoleServer server;

  private FiretapConsole(ConsoleServer server) {
    this.server = server;
  }

  /**
   * Starts listening at once; Redis is read when pages ask for data.
   *
   * @throws ConsoleStartException when the address is not this machine's or the port is taken
   */
  public static FiretapConsole start(FiretapConfig config, ConsoleOptions options) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(options, "options");
    return new FiretapConsole(ConsoleServer.start(config, options, Clock.systemUTC()));
  }

  /** The console's address, such as {@code http://127.0.0.1:8086/}, with the port it took. */
  public URI url() {
    return server.url();
  }

  /** The token every request must carry: the one given, or the one made at start. */
  public String token() {
    return server.token();
  }

  /** {@link #url()} with {@code ?token=}: opening it in a browser logs the browser in. */
  public URI loginUrl() {
    return URI.create(url() + "?token=" + token());
  }

  /** Blocks until {@link #close()} is called. */
  public void awaitClose() throws InterruptedException {
    server.awaitClose();
  }

  /** Stops listening, ends live tails within a second and closes the Redis connections. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FiretapConsole[" + url() + "]";
  }
}
