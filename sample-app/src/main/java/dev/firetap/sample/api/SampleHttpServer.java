package dev.firetap.sample.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API over the JDK's HTTP server: JSON in, JSON out, errors through {@link ApiErrors}. */
public final class SampleHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SampleHttpServer.class);
  private static final int THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Routes routes;
  private final ApiErrors errors;

  private SampleHttpServer(HttpServer server, Routes routes, ApiErrors errors) {
    this.server = server;
    this.routes = routes;
    this.errors = errors;
    this.executor = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  /**
   * Serves {@code routes} on {@code port} of 127.0.0.1 (0: a free port).
   *
   * @throws IOException when the port cannot be bound
   */
  public static SampleHttpServer start(int port, Routes routes, ApiErrors errors)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    SampleHttpServer api = new SampleHttpServer(server, routes, errors);
    server.start();
    return api;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      Optional<Routes.Match> match = routes.find(method, path);
      if (match.isEmpty()) {
        NoSuchElementException missing =
            new NoSuchElementException("no endpoint " + method + " " + path);
        send(exchange, errors.reply(method + " " + path, missing));
        return;
      }
      send(exchange, answer(match.get(), method, body));
    } catch (IOException | RuntimeException e) {
      log.warn("{} {}: cannot answer: {}", method, path, e.toString());
    }
  }

  private Object answer(Routes.Match match, String method, byte[] body) {
    Routes.Route route = match.route();
    try {
      return route.endpoint().answer(new Request(match.parameters(), body));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return errors.reply(method + " " + route.pattern(), e);
    } catch (Exception e) {
      return errors.reply(method + " " + route.pattern(), e);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, Object reply) throws IOException {
    if (reply instanceof ErrorReply error) {
      write(exchange, error.status(), Map.of("error", error.error()));
    } else {
      write(exchange, 200, reply);
    }
  }

  private static void write(HttpExchange exchange, int status, Object value) throws IOException {
    byte[] json = Json.write(value);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and stops. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
  }
}
