package dev.firetap.sample.demo;

import dev.firetap.sample.games.GameResult;
import dev.firetap.sample.orders.PlacedOrder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a {@link TrafficPlan} against the sample app: signs every user up and reads each profile
 * once (which fills the app's profile cache), then runs the shuffled steps on {@code concurrency}
 * threads, as that many clients would.
 */
public final class DemoTraffic {
  private final SampleApi api;
  private final int concurrency;
  private final Queue<TrafficReport.PaidOrder> orders = new ConcurrentLinkedQueue<>();
  private final Queue<GameResult> games = new ConcurrentLinkedQueue<>();
  private final AtomicInteger profileChanges = new AtomicInteger();

  /** Traffic against {@code api} from {@code concurrency} clients at once. */
  public DemoTraffic(SampleApi api, int concurrency) {
    this.api = api;
    this.concurrency = concurrency;
  }

  /**
   * Runs the plan.
   *
   * @throws IOException when a request fails in a way the plan does not expect; the message names
   *     it
   */
  public TrafficReport run(TrafficPlan plan) throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<Call> signUps = new ArrayList<>();
    for (TrafficPlan.SignUp user : plan.users()) {
      signUps.add(() -> api.updateProfile(user.userId(), user.profile()));
    }
    runAll(signUps);
    runAll(plan.users().stream().<Call>map(user -> () -> api.profile(user.userId())).toList());
    runAll(plan.steps().stream().<Call>map(step -> () -> run(step)).toList());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new TrafficReport(List.copyOf(orders), List.copyOf(games), profileChanges.get(), took);
  }

  private void run(TrafficPlan.Step step) throws IOException {
    if (step instanceof TrafficPlan.PlaceAndPay order) {
      placeAndPay(order);
    } else if (step instanceof TrafficPlan.PlayGame game) {
      api.completeGame(game.result());
      games.add(game.result());
    } else if (step instanceof TrafficPlan.ChangeProfile change) {
      api.updateProfile(change.userId(), change.update());
      profileChanges.incrementAndGet();
    }
  }

  private void placeAndPay(TrafficPlan.PlaceAndPay step) throws IOException {
    PlacedOrder placed = api.placeOrder(step.order());
    SampleApi.Reply payment = api.pay(placed.orderId(), step.cardNumber());
    if (!payment.ok() && payment.status() != 402) {
      throw new IOException(
          "paying order "
              + placed.orderId()
              + " answered "
              + payment.status()
              + ": "
              + payment.error());
    }
    orders.add(new TrafficReport.PaidOrder(step.order(), placed, payment.ok()));
  }

  /** One request of the traffic. */
  @FunctionalInterface
  private interface Call {
    void run() throws IOException;
  }

  private void runAll(List<Call> calls) throws IOException, InterruptedException {
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (Call call : calls) {
        pending.add(
            clients.submit(
                () -> {
                  call.run();
                  return null;
                }));
      }
      for (Future<?> call : pending) {
        awaitCall(call);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static void awaitCall(Future<?> call) throws IOException, InterruptedException {
    try {
      call.get();
    } catch (ExecutionException e) {
      throw new IOException("demo traffic: a request failed: " + e.getCause().getMessage(), e);
    }
  }
}
