package dev.firetap.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests to a console under test, with the token as a bearer, a cookie or not at all. */
final class ConsoleHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final ConsoleServer server;

  ConsoleHttp(ConsoleServer server) {
    this.server = server;
  }

  /** A request for {@code path} (with its query) that carries no token. */
  HttpRequest.Builder anonymous(String path) {
    return HttpRequest.newBuilder(server.url().resolve(path)).timeout(TIMEOUT);
  }

  /** A request for {@code path} with the token as {@code Authorization: Bearer}. */
  HttpRequest.Builder bearer(String path) {
    return anonymous(path).header("Authorization", "Bearer " + server.token());
  }

  /** A request for {@code path} with the cookie a browser gets. */
  HttpRequest.Builder withCookie(String path) {
    String cookie = "firetap_console_" + server.url().getPort() + "=" + server.token();
    return anonymous(path).header("Cookie", cookie);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET with the bearer token; the body of a 200, or a failed assertion. */
  String get(String path) {
    HttpResponse<String> response = send(bearer(path));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  URI url() {
    return server.url();
  }
}
