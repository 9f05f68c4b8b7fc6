package dev.firetap.sample.demo;

import dev.firetap.sample.SampleSettings;
import dev.firetap.sample.games.GameResult;
import dev.firetap.sample.handlers.Achievements;
import dev.firetap.sample.handlers.Wallet;
import dev.firetap.sample.orders.Catalogue;
import dev.firetap.sample.orders.OrderItem;
import dev.firetap.sample.users.ProfileUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the handlers should have made of a run of the traffic, computed from the plan and from what
 * the app answered: the numbers {@link SampleState} must show.
 */
final class ExpectedState {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  private final TrafficPlan plan;
  private final TrafficReport report;
  private final Map<String, ProfileUpdate> signUps = new HashMap<>();

  ExpectedState(TrafficPlan plan, TrafficReport report) {
    this.plan = plan;
    this.report = report;
    plan.users().forEach(user -> signUps.put(user.userId(), user.profile()));
  }

  /** Every sku at its initial stock less what the orders took. */
  Map<String, Long> stock() {
    long initial = SampleSettings.fromMap(Map.of()).initialStock();
    Map<String, Long> stock = new TreeMap<>();
    Catalogue.products().forEach(product -> stock.put(product.sku(), initial));
    for (TrafficReport.PaidOrder order : report.orders()) {
      for (OrderItem item : order.request().items()) {
        stock.merge(item.sku(), (long) -item.quantity(), Long::sum);
      }
    }
    return stock;
  }

  /** Total XP per user who played. */
  Map<String, Long> leaderboard() {
    return perPlayer(GameResult::xpEarned);
  }

  /** Games per user who played, as the hash holds them. */
  Map<String, String> gamesPlayed() {
    Map<String, String> played = new TreeMap<>();
    perPlayer(game -> 1).forEach((user, count) -> played.put(user, Long.toString(count)));
    return played;
  }

  /** The JP of games and paid orders per user, for users with any. */
  Map<String, Long> wallets() {
    Map<String, Long> wallets = perPlayer(GameResult::jpEarned);
    for (TrafficReport.PaidOrder order : report.orders()) {
      if (order.paid()) {
        long jp = Wallet.jpForOrder(order.placed().amountCents());
        wallets.merge(order.placed().userId(), jp, Long::sum);
      }
    }
    wallets.values().removeIf(balance -> balance == 0);
    return wallets;
  }

  /** The achievements per user who played. */
  Map<String, Set<String>> achievements() {
    Map<String, Long> played = perPlayer(game -> 1);
    Map<String, Long> best = new TreeMap<>();
    report.games().forEach(game -> best.merge(game.userId(), game.score(), Math::max));
    Map<String, Set<String>> achievements = new TreeMap<>();
    played.forEach(
        (user, count) ->
            achievements.put(user, new TreeSet<>(Achievements.earned(count, best.get(user)))));
    return achievements;
  }

  /** The analytics counters. */
  Map<String, String> analytics() {
    List<TrafficReport.PaidOrder> paid =
        report.orders().stream().filter(TrafficReport.PaidOrder::paid).toList();
    Map<String, Long> counters = new TreeMap<>();
    counters.put("orders", (long) report.orders().size());
    counters.put("orderedCents", sum(report.orders(), order -> order.placed().amountCents()));
    counters.put("itemsOrdered", sum(report.orders(), ExpectedState::items));
    counters.put("games", (long) report.games().size());
    counters.put("xpEarned", sum(report.games(), GameResult::xpEarned));
    counters.put("jpEarned", sum(report.games(), GameResult::jpEarned));
    counters.put("paymentsAuthorised", (long) paid.size());
    counters.put("authorisedCents", sum(paid, order -> order.placed().amountCents()));
    counters.put("paymentsDeclined", report.declined());
    Map<String, String> analytics = new TreeMap<>();
    counters.forEach((name, value) -> analytics.put(name, Long.toString(value)));
    return analytics;
  }

  /** The address each order's e-mail goes to: every order's, its user's address. */
  Map<String, String> emails() {
    Map<String, String> emails = new TreeMap<>();
    for (TrafficReport.PaidOrder order : report.orders()) {
      emails.put(order.placed().orderId(), signUps.get(order.placed().userId()).email());
    }
    return emails;
  }

  /** The number each order's SMS goes to, for orders of users with a verified E.164 number. */
  Map<String, String> texts() {
    Map<String, String> texts = new TreeMap<>();
    for (TrafficReport.PaidOrder order : report.orders()) {
      if (smsTo(order) == Sms.SENT) {
        texts.put(order.placed().orderId(), signUps.get(order.placed().userId()).phoneNumber());
      }
    }
    return texts;
  }

  /** Processed-event markers per handler: one per order, per game with JP, per paid order. */
  Map<String, Long> markers() {
    Map<String, Long> markers = new TreeMap<>();
    markers.put("inventory", (long) report.orders().size());
    markers.put(
        "wallet-games", report.games().stream().filter(game -> game.jpEarned() > 0).count());
    markers.put(
        "wallet-orders",
        report.orders().stream()
            .filter(order -> order.paid() && Wallet.jpForOrder(order.placed().amountCents()) > 0)
            .count());
    return markers;
  }

  /** How many SMS the channel rejected: orders of users with a verified number in local form. */
  long rejectedSms() {
    return report.orders().stream().filter(order -> smsTo(order) == Sms.REJECTED).count();
  }

  /** The users whose profile changed after the traffic had read (and cached) it. */
  Set<String> changedUsers() {
    return plan.steps().stream()
        .filter(TrafficPlan.ChangeProfile.class::isInstance)
        .map(step -> ((TrafficPlan.ChangeProfile) step).userId())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every user of the plan. */
  Set<String> users() {
    return new TreeSet<>(signUps.keySet());
  }

  private enum Sms {
    SENT,
    REJECTED,
    NONE
  }

  private Sms smsTo(TrafficReport.PaidOrder order) {
    ProfileUpdate profile = signUps.get(order.placed().userId());
    if (!profile.phoneVerified()) {
      return Sms.NONE;
    }
    return E164.matcher(profile.phoneNumber()).matches() ? Sms.SENT : Sms.REJECTED;
  }

  private Map<String, Long> perPlayer(ToLongFunction<GameResult> value) {
    Map<String, Long> totals = new TreeMap<>();
    report.games().forEach(game -> totals.merge(game.userId(), value.applyAsLong(game), Long::sum));
    return totals;
  }

  private static long items(TrafficReport.PaidOrder order) {
    return order.request().items().stream().mapToLong(OrderItem::quantity).sum();
  }

  private static <T> long sum(List<T> values, ToLongFunction<T> value) {
    return values.stream().mapToLong(value).sum();
  }
}
