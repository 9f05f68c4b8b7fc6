package dev.firetap.sample.demo;

import dev.firetap.config.FiretapConfig;
import dev.firetap.handler.HandlerAdmin;
import dev.firetap.handler.HandlerLag;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Watches handlers work through their streams, through the runtime's {@link HandlerAdmin}. */
public final class HandlerProgress implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(300);
  private static final int QUIET_POLLS = 3;

  private final HandlerAdmin admin;

  /** Watches the handlers of the streams in the Redis at {@code redisUrl}. */
  public HandlerProgress(String redisUrl) {
    this.admin = HandlerAdmin.connect(FiretapConfig.fromMap(Map.of("firetap.redis.url", redisUrl)));
  }

  /**
   * Waits until every one of {@code handlerIds} has a group with nothing pending and nothing
   * behind, in three polls in a row (about a second without new events).
   *
   * @return the lag of every group then
   * @throws IllegalStateException when that does not happen within {@code timeout}; the message
   *     lists the groups still busy
   */
  public List<HandlerLag> awaitCaughtUp(Collection<String> handlerIds, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quiet = 0;
    List<HandlerLag> lags = admin.lagOfAllGroups();
    while (quiet < QUIET_POLLS) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "handlers not caught up after "
                + timeout.toSeconds()
                + " s: "
                + busy(lags, handlerIds));
      }
      Thread.sleep(POLL.toMillis());
      lags = admin.lagOfAllGroups();
      quiet = busy(lags, handlerIds).isEmpty() ? quiet + 1 : 0;
    }
    return lags;
  }

  /** The handlers of {@code handlerIds} that have no group yet or still work, with their lag. */
  private static String busy(List<HandlerLag> lags, Collection<String> handlerIds) {
    Set<String> present = lags.stream().map(HandlerLag::handlerId).collect(Collectors.toSet());
    Stream<String> missing =
        handlerIds.stream().filter(id -> !present.contains(id)).map(id -> id + " (no group)");
    Stream<String> working =
        lags.stream()
            .filter(lag -> handlerIds.contains(lag.handlerId()))
            .filter(lag -> lag.pending() != 0 || lag.behind() != 0)
            .map(
                lag ->
                    "%s (%d pending, %d behind)"
                        .formatted(lag.handlerId(), lag.pending(), lag.behind()));
    return Stream.concat(missing, working).collect(Collectors.joining(", "));
  }

  @Override
  public void close() {
    admin.close();
  }
}
