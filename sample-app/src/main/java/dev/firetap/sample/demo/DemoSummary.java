package dev.firetap.sample.demo;

import dev.firetap.handler.HandlerLag;
import dev.firetap.sample.SampleKeys;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The few lines the demo prints once the handlers have caught up with the traffic. */
public final class DemoSummary {
  private final RedisCommands<String, String> redis;

  /** A summary of what is in {@code redis}. */
  public DemoSummary(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  /** The summary of a run: the traffic, the events, the handlers, the leaderboard. */
  public List<String> lines(TrafficReport report, List<HandlerLag> lags) {
    List<String> lines = new ArrayList<>();
    lines.add(traffic(report));
    lines.add("events emitted: " + streams("firetap:cdc:") + "; " + streams("firetap:logs:"));
    lines.add(handled(lags));
    lines.add("dead letters: " + deadLetters());
    lines.add("leaderboard (XP): " + topFive());
    lines.add("analytics: " + new TreeMap<>(redis.hgetall(SampleKeys.ANALYTICS)));
    return lines;
  }

  private static String traffic(TrafficReport report) {
    return String.format(
        Locale.ROOT,
        "traffic: %d orders (%d payments declined), %d games, %d profile changes in %.1f s",
        report.orders().size(),
        report.declined(),
        report.games().size(),
        report.profileChanges(),
        report.took().toMillis() / 1000.0);
  }

  /** Entries per stream under {@code prefix}, such as {@code cdc orders 600, games 400}. */
  private String streams(String prefix) {
    Map<String, Long> lengths = new TreeMap<>();
    long total = 0;
    for (String key : keys(prefix + "*")) {
      long length = redis.xlen(key);
      lengths.put(key.substring(prefix.length()), length);
      total += length;
    }
    return total + " on " + prefix + "* " + lengths;
  }

  private String handled(List<HandlerLag> lags) {
    long deliveries = 0;
    for (HandlerLag lag : lags) {
      deliveries += redis.xlen(lag.stream()) - lag.pending() - Math.max(0, lag.behind());
    }
    TreeSet<String> ids = new TreeSet<>();
    lags.forEach(lag -> ids.add(lag.handlerId()));
    return "handled: "
        + ids.size()
        + " handlers caught up, "
        + deliveries
        + " stream entries acknowledged by their groups "
        + ids;
  }

  private String deadLetters() {
    Map<String, Long> letters = new TreeMap<>();
    for (String key : keys("firetap:dlq:*")) {
      letters.put(key.substring("firetap:dlq:".length()), redis.xlen(key));
    }
    if (letters.isEmpty()) {
      return "none";
    }
    String first = letters.keySet().iterator().next();
    return letters + " (see them with ./firetap dlq list " + first + ")";
  }

  private String topFive() {
    List<String> places = new ArrayList<>();
    List<ScoredValue<String>> top = redis.zrevrangeWithScores(SampleKeys.LEADERBOARD, 0, 4);
    for (int i = 0; i < top.size(); i++) {
      places.add((i + 1) + ". " + top.get(i).getValue() + " " + (long) top.get(i).getScore());
    }
    return places.isEmpty() ? "empty" : String.join("  ", places);
  }

  private List<String> keys(String pattern) {
    TreeSet<String> keys = new TreeSet<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return List.copyOf(keys);
  }
}
