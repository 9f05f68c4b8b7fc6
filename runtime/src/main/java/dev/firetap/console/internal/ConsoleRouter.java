package dev.firetap.console.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.firetap.handler.internal.HandlerIds;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of the console: adds the security headers, lets only requests with the token
 * through, and hands each path to its page, file or endpoint.
 */
final class ConsoleRouter implements HttpHandler {
  /** A header only the console's own scripts send; a form of another site cannot. */
  static final String REPLAY_HEADER = "X-Firetap-Console";

  private static final Logger log = LoggerFactory.getLogger(ConsoleRouter.class);

  private final AccessGuard guard;
  private final StaticFiles files;
  private final ConsoleApi api;
  private final ChangeFeed feed;
  private final Map<String, Endpoint> endpoints;

  /** One JSON endpoint. */
  private interface Endpoint {
    void serve(HttpExchange exchange, Query query) throws IOException;
  }

  ConsoleRouter(AccessGuard guard, StaticFiles files, ConsoleApi api, ChangeFeed feed) {
    this.guard = guard;
    this.files = files;
    this.api = api;
    this.feed = feed;
    this.endpoints =
        Map.of(
            "/api/logs", (exchange, query) -> ok(exchange, api.logs(LogQuery.parse(query))),
            "/api/stats", (exchange, query) -> ok(exchange, api.stats()),
            "/api/collections", (exchange, query) -> ok(exchange, api.collections()),
            "/api/changes", (exchange, query) -> feed.serve(exchange, collection(query)),
            "/api/handlers", (exchange, query) -> ok(exchange, api.handlers()),
            "/api/deadletters", this::deadLetters);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Responses.secure(exchange);
      route(exchange);
    } catch (IllegalArgumentException e) {
      fail(exchange, 400, e.getMessage());
    } catch (RedisException e) {
      fail(exchange, 503, "Redis failed: " + e.getMessage());
    } catch (IOException e) {
      log.debug("console: {} {} ended early: {}", exchange.getRequestMethod(), path(exchange), e);
    } catch (RuntimeException e) {
      log.warn("console: {} {} failed", exchange.getRequestMethod(), path(exchange), e);
      fail(exchange, 500, "the console failed: " + e);
    } finally {
      exchange.close();
    }
  }

  /** Answers with an error, unless a response was already under way (then it is cut short). */
  private static void fail(HttpExchange exchange, int status, String message) throws IOException {
    if (exchange.getResponseCode() == -1) {
      Responses.error(exchange, status, message);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = path(exchange);
    Query query = Query.parse(exchange.getRequestURI().getRawQuery());
    boolean api = path.startsWith("/api/");
    switch (guard.admit(exchange.getRequestHeaders(), query.first("token"))) {
      case REFUSED -> Responses.tokenRequired(exchange, api);
      case TOKEN_IN_ADDRESS -> enterWithToken(exchange, path, query, api);
      case ADMITTED -> serve(exchange, path, query);
    }
  }

  /** Sets the cookie; a page is then loaded again without the token in its address. */
  private void enterWithToken(HttpExchange exchange, String path, Query query, boolean api)
      throws IOException {
    exchange.getResponseHeaders().add("Set-Cookie", guard.cookie());
    if (api || !isGetOrHead(exchange)) {
      serve(exchange, path, query.without("token"));
      return;
    }
    String rest = query.without("token").encoded();
    Responses.redirect(exchange, rest.isEmpty() ? path : path + "?" + rest);
  }

  private void serve(HttpExchange exchange, String path, Query query) throws IOException {
    if (path.equals("/api/deadletters/replay")) {
      replay(exchange, query);
      return;
    }
    if (!isGetOrHead(exchange)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      Responses.error(exchange, 405, exchange.getRequestMethod() + " is not allowed on " + path);
      return;
    }
    Endpoint endpoint = endpoints.get(path);
    if (endpoint != null) {
      endpoint.serve(exchange, query);
    } else {
      serveFile(exchange, path);
    }
  }

  private void serveFile(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/")) {
      Responses.redirect(exchange, "/logs");
    } else if (path.startsWith("/assets/")) {
      files.sendAsset(exchange, path.substring("/assets/".length()));
    } else if (path.startsWith("/vendor/uplot/")) {
      files.sendUplot(exchange, path.substring("/vendor/uplot/".length()));
    } else {
      Optional<ConsolePage> page = ConsolePage.withId(path.substring(1));
      if (page.isPresent()) {
        Responses.send(exchange, 200, Responses.HTML, files.page(page.get()));
      } else {
        Responses.error(exchange, 404, "no such page: " + path);
      }
    }
  }

  private void deadLetters(HttpExchange exchange, Query query) throws IOException {
    String handlerId = query.first("handler");
    ok(exchange, handlerId.isEmpty() ? api.deadLetterHandlers() : api.deadLetters(handler(query)));
  }

  /**
   * {@code POST /api/deadletters/replay?handler=h&id=...} or {@code &all=true}: the only request
   * that writes, so it must also carry {@link #REPLAY_HEADER}, which a cross-site form cannot send.
   */
  private void replay(HttpExchange exchange, Query query) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      Responses.error(exchange, 405, "replay takes POST, got " + exchange.getRequestMethod());
      return;
    }
    if (exchange.getRequestHeaders().getFirst(REPLAY_HEADER) == null) {
      Responses.error(exchange, 403, "replay needs the header " + REPLAY_HEADER);
      return;
    }
    boolean all = query.first("all").equals("true");
    if (!all && query.all("id").isEmpty()) {
      throw new IllegalArgumentException("replay needs id=<dead letter id>... or all=true");
    }
    ok(exchange, api.replay(handler(query), query.all("id"), all));
  }

  private static String handler(Query query) {
    return HandlerIds.check(query.first("handler"));
  }

  private static String collection(Query query) {
    String collection = query.first("collection");
    if (collection.isEmpty() || collection.contains("/")) {
      throw new IllegalArgumentException(
          "collection must be a collection id (not empty, no '/'), got '" + collection + "'");
    }
    return collection;
  }

  private static void ok(HttpExchange exchange, byte[] json) throws IOException {
    Responses.json(exchange, 200, json);
  }

  private static boolean isGetOrHead(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    return method.equals("GET") || method.equals("HEAD");
  }

  private static String path(HttpExchange exchange) {
    return exchange.getRequestURI().getPath();
  }
}
