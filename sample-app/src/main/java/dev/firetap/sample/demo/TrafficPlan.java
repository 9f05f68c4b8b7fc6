package dev.firetap.sample.demo;

import dev.firetap.sample.games.GameResult;
import dev.firetap.sample.orders.Catalogue;
import dev.firetap.sample.orders.OrderItem;
import dev.firetap.sample.orders.OrderRequest;
import dev.firetap.sample.users.ProfileUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the demo traffic does, made from a seed so that a run can be checked against it: the users
 * it signs up, then orders with their payments, finished games and profile changes, shuffled.
 *
 * <p>Some users give their phone number in local form ({@code 0151 ...}), which the app stores and
 * the SMS channel later rejects; some orders are paid with a card ending in 0000, which the gateway
 * declines.
 *
 * @param users the sign-ups, in order
 * @param steps what follows, in order
 */
public record TrafficPlan(List<SignUp> users, List<Step> steps) {
  /** A card the gateway authorises. */
  public static final String GOOD_CARD = "4242424242424242";

  /** A card the gateway declines. */
  public static final String DECLINED_CARD = "4000000000000000";

  private static final List<String> FIRST_NAMES =
      List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Linus", "Margaret", "Ken", "Radia");
  private static final List<String> LAST_NAMES =
      List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Hamilton", "Perlman");
  private static final List<String> CITIES =
      List.of("Berlin", "Lisbon", "Nairobi", "Osaka", "Porto Alegre", "Toronto", "Wellington");
  private static final List<String> GAMES = List.of("chess", "sudoku", "trivia");

  /** Copies the lists. */
  public TrafficPlan {
    users = List.copyOf(users);
    steps = List.copyOf(steps);
  }

  /**
   * One user's first profile.
   *
   * @param userId the user
   * @param profile what the user enters
   */
  public record SignUp(String userId, ProfileUpdate profile) {}

  /** One request of the shuffled part. */
  public sealed interface Step {}

  /**
   * An order, then its payment.
   *
   * @param order what is ordered
   * @param cardNumber the card it is paid with
   */
  public record PlaceAndPay(OrderRequest order, String cardNumber) implements Step {}

  /**
   * A finished game.
   *
   * @param result what the client reports
   */
  public record PlayGame(GameResult result) implements Step {}

  /**
   * A profile change: a new display name and city.
   *
   * @param userId the user
   * @param update the change
   */
  public record ChangeProfile(String userId, ProfileUpdate update) implements Step {}

  /** The size of a plan. */
  public record Size(int users, int orders, int games, int profileChanges) {}

  /** A plan of {@code size} made from {@code seed}; the same seed and size give the same plan. */
  public static TrafficPlan generate(long seed, Size size) {
    Random random = new Random(seed);
    List<SignUp> users = new ArrayList<>();
    for (int i = 1; i <= size.users(); i++) {
      users.add(signUp(random, i));
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i <= size.orders(); i++) {
      steps.add(order(random, i, pick(random, users).userId()));
    }
    for (int i = 0; i < size.games(); i++) {
      steps.add(game(random, pick(random, users).userId()));
    }
    for (int i = 0; i < size.profileChanges(); i++) {
      steps.add(new ChangeProfile(pick(random, users).userId(), renamed(random)));
    }
    Collections.shuffle(steps, random);
    return new TrafficPlan(users, steps);
  }

  /**
   * The sign-up of the {@code number}th user: every seventh, from the third, gives a verified
   * number in local form; every fifth, from the fourth, leaves the number unverified.
   */
  private static SignUp signUp(Random random, int number) {
    String userId = String.format(Locale.ROOT, "u%03d", number);
    String digits = String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
    String phone = number % 7 == 3 ? "0151 " + digits : "+49151" + digits;
    boolean verified = number % 5 != 4;
    ProfileUpdate profile =
        new ProfileUpdate(
            name(random), userId + "@example.com", pick(random, CITIES), phone, verified);
    return new SignUp(userId, profile);
  }

  /** The {@code number}th order: every twelfth, from the fifth, is paid with the declined card. */
  private static PlaceAndPay order(Random random, int number, String userId) {
    List<OrderItem> items = new ArrayList<>();
    int lines = 1 + random.nextInt(3);
    for (int i = 0; i < lines; i++) {
      Catalogue.Product product = pick(random, Catalogue.products());
      items.add(new OrderItem(product.sku(), 1 + random.nextInt(3)));
    }
    String card = number % 12 == 5 ? DECLINED_CARD : GOOD_CARD;
    return new PlaceAndPay(new OrderRequest(userId, items), card);
  }

  private static PlayGame game(Random random, String userId) {
    long score = random.nextInt(1_001);
    return new PlayGame(
        new GameResult(userId, pick(random, GAMES), score, score / 20, score / 100));
  }

  private static ProfileUpdate renamed(Random random) {
    return new ProfileUpdate(name(random), null, pick(random, CITIES), null, null);
  }

  private static String name(Random random) {
    return pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
