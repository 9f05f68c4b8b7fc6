package dev.firetap.sample;

import com.google.cloud.firestore.Firestore;
import dev.firetap.sample.api.ApiErrors;
import dev.firetap.sample.api.Routes;
import dev.firetap.sample.api.SampleHttpServer;
import dev.firetap.sample.games.GameResult;
import dev.firetap.sample.games.GameService;
import dev.firetap.sample.orders.Inventory;
import dev.firetap.sample.orders.OrderRequest;
import dev.firetap.sample.orders.OrderService;
import dev.firetap.sample.payments.PaymentGateway;
import dev.firetap.sample.payments.PaymentRequest;
import dev.firetap.sample.payments.PaymentService;
import dev.firetap.sample.users.ProfileUpdate;
import dev.firetap.sample.users.UserCache;
import dev.firetap.sample.users.UserService;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample shop: an HTTP API of orders, payments, user profiles and games on Firestore. It has no
 * change capture code of its own; run it with {@code -javaagent:firetap-agent.jar} and every write
 * becomes a change event. Prints {@code sample app: listening on http://127.0.0.1:<port>} when it
 * serves, and runs until SIGTERM.
 *
 * <p>Endpoints: {@code POST /orders}, {@code POST /orders/{id}/payment}, {@code PUT /users/{id}},
 * {@code GET /users/{id}}, {@code POST /games}, {@code GET /health}; docs/demo.md shows their JSON.
 */
public final class SampleApp {
  private static final Logger log = LoggerFactory.getLogger(SampleApp.class);

  private SampleApp() {}

  /** Starts the app with the settings of {@link SampleSettings#load()}. */
  public static void main(String[] args) throws Exception {
    SampleSettings settings;
    try {
      settings = SampleSettings.load();
    } catch (IllegalArgumentException e) {
      System.err.println("sample app: " + e.getMessage());
      System.exit(2);
      return;
    }
    Firestore firestore = SampleFirestore.open(settings);
    AutoCloseable firetap =
        settings.firetap() == SampleSettings.FiretapMode.LIBRARY
            ? FiretapInProcess.start(firestore)
            : () -> {};
    UserCache cache = UserCache.connect(settings.redisUrl());
    Inventory.stockUp(firestore, settings.initialStock());
    SampleHttpServer server =
        SampleHttpServer.start(
            settings.port(), routes(settings, firestore, cache), new ApiErrors());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stop(server, cache, firestore, firetap), "sample-app-shutdown"));
    System.out.println("sample app: listening on http://127.0.0.1:" + server.port());
    new CountDownLatch(1).await();
  }

  /** The API's routes over the services of the app. */
  static Routes routes(SampleSettings settings, Firestore firestore, UserCache cache) {
    OrderService orders = new OrderService(firestore);
    PaymentGateway gateway =
        new PaymentGateway(settings.declineRatio(), settings.declineSeed(), Clock.systemUTC());
    PaymentService payments = new PaymentService(firestore, gateway);
    UserService users = new UserService(firestore, cache);
    GameService games = new GameService(firestore);
    return new Routes()
        .post("/orders", request -> orders.place(request.body(OrderRequest.class)))
        .post(
            "/orders/{id}/payment",
            request -> payments.pay(request.path("id"), request.body(PaymentRequest.class)))
        .put(
            "/users/{id}",
            request -> users.updateProfile(request.path("id"), request.body(ProfileUpdate.class)))
        .get("/users/{id}", request -> users.profile(request.path("id")))
        .post("/games", request -> games.complete(request.body(GameResult.class)))
        .get("/health", request -> Map.of("status", "ok"));
  }

  private static void stop(
      SampleHttpServer server, UserCache cache, Firestore firestore, AutoCloseable firetap) {
    server.close();
    cache.close();
    try {
      firestore.close();
      firetap.close();
    } catch (Exception e) {
      log.warn("sample app: stopping failed: {}", e.toString());
    }
    log.info("sample app stopped");
  }
}
