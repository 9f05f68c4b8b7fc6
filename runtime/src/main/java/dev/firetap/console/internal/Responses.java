package dev.firetap.console.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sends the console's responses, each with the headers that keep pages and data to this site. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  /**
   * Scripts, styles and data only from the console itself, no framing, and no referrer: the first
   * address a browser opens carries the token.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private Responses() {}

  /** Adds the headers every response carries. */
  static void secure(HttpExchange exchange) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
  }

  static void json(HttpExchange exchange, int status, byte[] json) throws IOException {
    send(exchange, status, JSON, json);
  }

  /** {@code {"error": message}} with {@code status}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, ConsoleJson.error(message));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A 303 to {@code location}, a path of this console. */
  static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  /** The small page shown without a token; it never contains the token. */
  static void tokenRequired(HttpExchange exchange, boolean api) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"firetap-console\"");
    if (api) {
      error(exchange, 401, "a console token is required: ?token=, the cookie or Bearer");
      return;
    }
    String page =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Firetap console: token required</title></head><body>"
            + "<h1>A token is required</h1>"
            + "<p>Open the address that <code>firetap console</code> printed when it started;"
            + " it ends in <code>?token=</code> and the token.</p></body></html>";
    send(exchange, 401, HTML, page.getBytes(StandardCharsets.UTF_8));
  }
}
