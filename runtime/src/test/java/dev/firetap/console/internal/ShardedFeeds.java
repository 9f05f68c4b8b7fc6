package dev.firetap.console.internal;

import dev.firetap.config.FiretapConfig;
import dev.firetap.testing.ShardedUpdates;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live tail of a sharded collection {@code orders} in a running console, while a Firetap
 * instance emits {@link ShardedUpdates}: what the page saw, fresh or resuming.
 */
final class ShardedFeeds {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern PATH = Pattern.compile("\"path\":\"([^\"]+)\"");
  private static final Pattern N =
      Pattern.compile("\"field\":\"n\",\"before\":\"[0-9]+\",\"after\":\"([0-9]+)\"");

  private ShardedFeeds() {}

  /**
   * What a page of the live tail saw.
   *
   * @param ready the data of its ready event (of the last page, when it reconnected)
   * @param lastEventId the id of the last change event
   * @param seen the updates it showed
   */
  record Seen(String ready, String lastEventId, ShardedUpdates seen) {}

  /** Opens the tail, emits updates 1 to {@code updates} of each document, and reads them all. */
  static Seen follow(ConsoleServer console, FiretapConfig config, int documents, int updates)
      throws Exception {
    ShardedUpdates seen = new ShardedUpdates();
    try (EventStreamReader feed = EventStreamReader.open(request(console, null))) {
      String ready = feed.next(WAIT).data();
      ShardedUpdates.emit(config, ShardedUpdates.all(documents, updates));
      return new Seen(ready, read(feed, documents * updates, seen), seen);
    }
  }

  /**
   * Opens the tail and reads update 1 of each document; closes it, emits update 2 of each, and
   * reopens the tail with the last event id it saw as {@code Last-Event-ID}, as a browser does, and
   * reads on.
   */
  static Seen resume(ConsoleServer console, FiretapConfig config, int documents) throws Exception {
    Seen first = follow(console, config, documents, 1);
    ShardedUpdates.emit(config, ShardedUpdates.round(documents, 2));
    try (EventStreamReader feed = EventStreamReader.open(request(console, first.lastEventId()))) {
      String ready = feed.next(WAIT).data();
      return new Seen(ready, read(feed, documents, first.seen()), first.seen());
    }
  }

  private static HttpRequest.Builder request(ConsoleServer console, String lastEventId) {
    HttpRequest.Builder request =
        new ConsoleHttp(console)
            .bearer("/api/changes?collection=orders")
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofMinutes(1));
    return lastEventId == null ? request : request.header("Last-Event-ID", lastEventId);
  }

  /** Reads {@code count} change events into {@code seen}; returns the last one's id. */
  private static String read(EventStreamReader feed, int count, ShardedUpdates seen)
      throws InterruptedException {
    String id = "";
    for (int i = 0; i < count; i++) {
      EventStreamReader.Event change = feed.next(WAIT);
      seen.add(group(PATH, change.data()), Integer.parseInt(group(N, change.data())));
      id = change.id();
    }
    return id;
  }

  private static String group(Pattern pattern, String data) {
    Matcher matcher = pattern.matcher(data);
    if (!matcher.find()) {
      throw new AssertionError("no " + pattern + " in the change event " + data);
    }
    return matcher.group(1);
  }
}
