package dev.firetap.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.firetap.sample.handlers.UserSearchIndex;
import dev.firetap.sample.messages.OutboundMessage;
import dev.firetap.sample.messages.OutboundMessage.Channel;
import dev.firetap.sample.users.UserService;
import dev.firetap.testing.FirestoreEmulator;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's flow end to end on a real Redis and Firestore emulator: the sample app in a JVM with
 * the agent, a worker of the sample's handlers in another, the demo traffic. Once the handlers have
 * caught up, Firestore, Redis and the outbox must hold exactly what the traffic calls for. Then
 * every event runs again with Firetap's completion records gone, as after a crash between a
 * handler's side effects and their record, and nothing may change but the dead letters.
 */
class DemoFlowIT {
  private static final TrafficPlan.Size SIZE = new TrafficPlan.Size(8, 30, 36, 8);
  private static final Duration CATCH_UP = Duration.ofSeconds(90);
  private static final List<String> WORKER_OPTIONS =
      List.of("startFrom=beginning", "maxAttempts=2", "initialBackoff=50ms", "maxBackoff=200ms");
  private static final List<String> RUN_AGAIN =
      List.of(
          "firetap:cdc:orders",
          "firetap:cdc:games",
          "firetap:cdc:payments",
          "firetap:cdc:users",
          "firetap:logs:error");

  private static final Pattern ORDER_IN_TEXT = Pattern.compile("Order (\\S+) for");

  @TempDir static Path work;

  private static RedisServer redis;
  private static FirestoreEmulator emulator;
  private static SampleProcesses.App app;
  private static SampleProcesses.Worker worker;
  private static ExpectedState expected;
  private static SampleState afterTraffic;
  private static SampleState afterRunningAgain;
  private static Map<String, List<String>> profiles;

  @BeforeAll
  static void runTheTrafficThenEveryEventAgain() throws Exception {
    redis = RedisServer.start();
    emulator = FirestoreEmulator.start();
    Backends backends =
        new Backends(redis.url(), emulator.hostAndPort(), FirestoreEmulator.DEFAULT_PROJECT_ID);
    SampleProcesses processes = new SampleProcesses(DemoLayout.ofBuild(), backends, work);
    SampleProcesses.Started sample = processes.start(0, WORKER_OPTIONS);
    app = sample.app();
    worker = sample.worker();

    TrafficPlan plan = TrafficPlan.generate(DemoOptions.SEED, SIZE);
    expected = new ExpectedState(plan, new DemoTraffic(new SampleApi(app.url()), 4).run(plan));

    try (HandlerProgress progress = new HandlerProgress(redis.url());
        Firestore firestore = emulator.client(FirestoreEmulator.DEFAULT_PROJECT_ID);
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      progress.awaitCaughtUp(worker.handlerIds(), CATCH_UP);
      afterTraffic = SampleState.read(firestore, streams.commands(), processes.outbox());
      profiles = profiles(firestore);

      runEverythingAgain(streams.commands());
      progress.awaitCaughtUp(worker.handlerIds(), CATCH_UP);
      afterRunningAgain = SampleState.read(firestore, streams.commands(), processes.outbox());
    }
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.process().stop();
    }
    if (app != null) {
      app.process().stop();
    }
    if (emulator != null) {
      emulator.stop();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  void theStockLosesExactlyTheOrderedItems() {
    assertThat(afterTraffic.stock()).isEqualTo(expected.stock());
  }

  @Test
  void theLeaderboardHoldsEachPlayersTotalXp() {
    assertThat(afterTraffic.leaderboard()).isEqualTo(expected.leaderboard());
  }

  @Test
  void walletsHoldTheJpOfGamesAndPaidOrders() {
    assertThat(afterTraffic.wallets()).isEqualTo(expected.wallets());
  }

  @Test
  void analyticsCountEveryOrderGamePaymentAndDecline() {
    assertThat(expected.analytics().get("paymentsDeclined")).isNotEqualTo("0");

    assertThat(afterTraffic.analytics()).isEqualTo(expected.analytics());
  }

  @Test
  void achievementsFollowFromTheGamesPlayed() {
    assertThat(afterTraffic.gamesPlayed()).isEqualTo(expected.gamesPlayed());
    assertThat(afterTraffic.achievements()).isEqualTo(expected.achievements());
  }

  @Test
  void everyOrderIsEmailedOnceToItsUser() {
    List<OutboundMessage> emails = messages(afterTraffic, Channel.EMAIL);

    assertThat(emails).extracting(DemoFlowIT::orderId).doesNotHaveDuplicates();
    assertThat(recipients(emails)).isEqualTo(expected.emails());
  }

  @Test
  void smsGoOnceToVerifiedNumbersAndRejectedOnesEndAsDeadLetters() {
    List<OutboundMessage> texts = messages(afterTraffic, Channel.SMS);

    assertThat(texts).extracting(DemoFlowIT::orderId).doesNotHaveDuplicates();
    assertThat(recipients(texts)).isEqualTo(expected.texts());
    assertThat(expected.rejectedSms()).isPositive();
    assertThat(afterTraffic.deadLetters()).isEqualTo(Map.of("order-sms", expected.rejectedSms()));
  }

  @Test
  void theSearchIndexHoldsEachUsersCurrentNameAndCity() {
    Map<String, Set<String>> tokens = new TreeMap<>();
    Map<String, Set<String>> index = new TreeMap<>();
    profiles.forEach(
        (userId, nameAndCity) -> {
          List<String> words = UserSearchIndex.tokens(nameAndCity.toArray(new String[0]));
          tokens.put(userId, new TreeSet<>(words));
          words.forEach(word -> index.computeIfAbsent(word, w -> new TreeSet<>()).add(userId));
        });

    assertThat(afterTraffic.searchTokens()).isEqualTo(tokens);
    assertThat(afterTraffic.searchIndex()).isEqualTo(index);
  }

  @Test
  void changedProfilesAreNoLongerCached() {
    Set<String> unchanged = new TreeSet<>(expected.users());
    unchanged.removeAll(expected.changedUsers());

    assertThat(expected.changedUsers()).isNotEmpty();
    assertThat(afterTraffic.cachedUsers()).isEqualTo(unchanged);
  }

  @Test
  void firestoreChangesAreMarkedOncePerEvent() {
    assertThat(afterTraffic.markers()).isEqualTo(expected.markers());
  }

  @Test
  void runningEveryEventAgainChangesNothingButTheDeadLetters() {
    Map<String, Long> twice = Map.of("order-sms", 2 * expected.rejectedSms());

    assertThat(afterRunningAgain.deadLetters()).isEqualTo(twice);
    assertThat(afterRunningAgain)
        .usingRecursiveComparison()
        .ignoringFields("deadLetters")
        .isEqualTo(afterTraffic);
  }

  /** Deletes every completion record and adds each entry of the streams again. */
  private static void runEverythingAgain(RedisCommands<String, String> redis) {
    List<String> done = redis.keys("firetap:done:*");
    redis.del(done.toArray(new String[0]));
    for (String stream : RUN_AGAIN) {
      for (StreamMessage<String, String> entry : redis.xrange(stream, Range.create("-", "+"))) {
        redis.xadd(stream, entry.getBody());
      }
    }
  }

  /** Each user's display name and city, as stored now. */
  private static Map<String, List<String>> profiles(Firestore firestore) throws Exception {
    Map<String, List<String>> profiles = new TreeMap<>();
    for (DocumentSnapshot user : firestore.collection(UserService.COLLECTION).get().get()) {
      profiles.put(user.getId(), List.of(user.getString("displayName"), user.getString("city")));
    }
    return profiles;
  }

  private static List<OutboundMessage> messages(SampleState state, Channel channel) {
    return state.outbox().stream().filter(message -> message.channel() == channel).toList();
  }

  /** The order a message confirms: its text names it. */
  private static String orderId(OutboundMessage message) {
    Matcher matcher = ORDER_IN_TEXT.matcher(message.body());
    assertThat(matcher.find()).as(message.body()).isTrue();
    return matcher.group(1);
  }

  private static Map<String, String> recipients(List<OutboundMessage> messages) {
    Map<String, String> recipients = new TreeMap<>();
    messages.forEach(message -> recipients.put(orderId(message), message.to()));
    return recipients;
  }
}
