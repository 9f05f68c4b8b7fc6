package dev.firetap.sample.demo;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.firetap.sample.SampleKeys;
import dev.firetap.sample.handlers.Wallet;
import dev.firetap.sample.messages.FileOutbox;
import dev.firetap.sample.messages.OutboundMessage;
import dev.firetap.sample.orders.Inventory;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the sample's handlers produce, read from Firestore, Redis and the outbox.
 *
 * @param stock stock per sku
 * @param leaderboard XP per user
 * @param wallets JP balance per user
 * @param analytics the analytics counters
 * @param gamesPlayed games counted per user
 * @param achievements achievements per user
 * @param outbox the messages sent, oldest first
 * @param searchTokens the tokens each user is indexed under
 * @param searchIndex the users indexed under each token
 * @param cachedUsers the users whose profile is cached
 * @param markers processed-event markers in Firestore per handler
 * @param deadLetters dead letters per handler
 */
record SampleState(
    Map<String, Long> stock,
    Map<String, Long> leaderboard,
    Map<String, Long> wallets,
    Map<String, String> analytics,
    Map<String, String> gamesPlayed,
    Map<String, Set<String>> achievements,
    List<OutboundMessage> outbox,
    Map<String, Set<String>> searchTokens,
    Map<String, Set<String>> searchIndex,
    Set<String> cachedUsers,
    Map<String, Long> markers,
    Map<String, Long> deadLetters) {

  /** Reads the state. */
  static SampleState read(Firestore firestore, RedisCommands<String, String> redis, Path outbox)
      throws Exception {
    return new SampleState(
        longs(firestore, Inventory.COLLECTION, "stock"),
        leaderboard(redis),
        longs(firestore, Wallet.COLLECTION, "balance"),
        new TreeMap<>(redis.hgetall(SampleKeys.ANALYTICS)),
        new TreeMap<>(redis.hgetall(SampleKeys.GAMES_PLAYED)),
        sets(redis, SampleKeys.achievements("")),
        FileOutbox.read(outbox),
        sets(redis, SampleKeys.searchTokensOf("")),
        sets(redis, SampleKeys.searchToken("")),
        suffixes(redis, SampleKeys.cachedUser("")),
        markers(firestore),
        deadLetters(redis));
  }

  private static Map<String, Long> longs(Firestore firestore, String collection, String field)
      throws Exception {
    Map<String, Long> values = new TreeMap<>();
    for (QueryDocumentSnapshot document : firestore.collection(collection).get().get()) {
      values.put(document.getId(), document.getLong(field));
    }
    return values;
  }

  private static Map<String, Long> leaderboard(RedisCommands<String, String> redis) {
    Map<String, Long> scores = new TreeMap<>();
    for (ScoredValue<String> entry : redis.zrangeWithScores(SampleKeys.LEADERBOARD, 0, -1)) {
      scores.put(entry.getValue(), (long) entry.getScore());
    }
    return scores;
  }

  private static Map<String, Set<String>> sets(RedisCommands<String, String> redis, String prefix) {
    Map<String, Set<String>> sets = new TreeMap<>();
    for (String suffix : suffixes(redis, prefix)) {
      sets.put(suffix, new TreeSet<>(redis.smembers(prefix + suffix)));
    }
    return sets;
  }

  private static Map<String, Long> markers(Firestore firestore) throws Exception {
    Map<String, Long> markers = new TreeMap<>();
    for (DocumentSnapshot marker : firestore.collection("processedEvents").get().get()) {
      markers.merge(marker.getString("handlerId"), 1L, Long::sum);
    }
    return markers;
  }

  private static Map<String, Long> deadLetters(RedisCommands<String, String> redis) {
    Map<String, Long> letters = new TreeMap<>();
    for (String handlerId : suffixes(redis, "firetap:dlq:")) {
      letters.put(handlerId, redis.xlen("firetap:dlq:" + handlerId));
    }
    return letters;
  }

  /** What follows {@code prefix} in the keys that start with it. */
  private static Set<String> suffixes(RedisCommands<String, String> redis, String prefix) {
    Set<String> suffixes = new TreeSet<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page =
          redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
      page.getKeys().forEach(key -> suffixes.add(key.substring(prefix.length())));
      cursor = page;
    } while (!cursor.isFinished());
    return suffixes;
  }
}
