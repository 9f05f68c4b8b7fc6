package dev.firetap.agent;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.Operation;
import dev.firetap.handler.HandlerOptions;
import dev.firetap.handler.HandlerRuntime;
import dev.firetap.handler.StartFrom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handler runtime on one collection's change stream whose side effect is counting, per event id,
 * how often it ran: more than once is a duplicate side effect.
 */
final class RecordingWorker implements AutoCloseable {
  static final String HANDLER = "fault-recorder";

  private final Map<String, Integer> runs = new ConcurrentHashMap<>();
  private final HandlerRuntime runtime;

  private RecordingWorker(String redisUrl, String collection, Path spool) {
    FiretapConfig config =
        FiretapConfig.fromMap(
            Map.of(
                "firetap.redis.url",
                redisUrl,
                "firetap.spool.dir",
                spool.toString(),
                "firetap.service",
                "fault-worker",
                "firetap.redis.timeout",
                "1s"));
    HandlerOptions options =
        HandlerOptions.defaults()
            .withBlock(Duration.ofMillis(200))
            .withClaimIdle(Duration.ofSeconds(2))
            .withStartFrom(StartFrom.beginning());
    this.runtime =
        HandlerRuntime.builder(config)
            .onChange(
                HANDLER,
                collection,
                Set.of(Operation.values()),
                (event, delivery) -> runs.merge(event.id(), 1, Integer::sum))
            .options(HANDLER, options)
            .start();
  }

  /** Starts handling the change stream of {@code collection} at {@code redisUrl}. */
  static RecordingWorker start(String redisUrl, String collection, Path spool) {
    return new RecordingWorker(redisUrl, collection, spool);
  }

  /** Distinct events handled. */
  int handled() {
    return runs.size();
  }

  /** Runs beyond the first of an event. */
  long duplicateRuns() {
    return runs.values().stream().mapToLong(count -> count - 1).sum();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
