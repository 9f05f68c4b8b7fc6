package dev.firetap.sample.demo;

import dev.firetap.sample.api.Json;
import dev.firetap.sample.games.CompletedGame;
import dev.firetap.sample.games.GameResult;
import dev.firetap.sample.orders.OrderRequest;
import dev.firetap.sample.orders.PlacedOrder;
import dev.firetap.sample.payments.PaymentRequest;
import dev.firetap.sample.users.ProfileUpdate;
import dev.firetap.sample.users.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A client of the sample app's HTTP API, for the demo traffic and the tests. */
public final class SampleApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** A client of the app at {@code base}, such as {@code http://127.0.0.1:8080}. */
  public SampleApi(URI base) {
    this.base = base;
  }

  /**
   * An answer of the API.
   *
   * @param status the HTTP status
   * @param body the JSON body
   */
  public record Reply(int status, byte[] body) {
    /** Whether the status is 200. */
    public boolean ok() {
      return status == 200;
    }

    /**
     * The body read as a {@code type}.
     *
     * @throws IllegalStateException when the status is not 200
     */
    public <T> T as(Class<T> type) {
      if (!ok()) {
        throw new IllegalStateException("the API answered " + status + ": " + error());
      }
      return Json.read(body, type);
    }

    /** The {@code error} of an error reply. */
    public String error() {
      return String.valueOf(Json.read(body, Map.class).get("error"));
    }
  }

  /** {@code PUT /users/{userId}}. */
  public UserProfile updateProfile(String userId, ProfileUpdate update) throws IOException {
    return send("PUT", "/users/" + userId, update).as(UserProfile.class);
  }

  /** {@code GET /users/{userId}}. */
  public UserProfile profile(String userId) throws IOException {
    return send("GET", "/users/" + userId, null).as(UserProfile.class);
  }

  /** {@code POST /orders}. */
  public PlacedOrder placeOrder(OrderRequest order) throws IOException {
    return send("POST", "/orders", order).as(PlacedOrder.class);
  }

  /** {@code POST /orders/{orderId}/payment}: 200 when paid, 402 when declined. */
  public Reply pay(String orderId, String cardNumber) throws IOException {
    return send("POST", "/orders/" + orderId + "/payment", new PaymentRequest(cardNumber));
  }

  /** {@code POST /games}. */
  public CompletedGame completeGame(GameResult result) throws IOException {
    return send("POST", "/games", result).as(CompletedGame.class);
  }

  /**
   * Sends one request with {@code body} as JSON (none when null).
   *
   * @throws IOException when the app cannot be reached
   */
  public Reply send(String method, String path, Object body) throws IOException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(Json.write(body));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method + " " + path, e);
    }
  }
}
