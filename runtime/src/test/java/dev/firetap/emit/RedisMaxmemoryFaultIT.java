package dev.firetap.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.EventCodec;
import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.FaultResult;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis reaches its {@code maxmemory} with {@code noeviction} while an application emits: Firetap
 * spools, says so at WARN, and once the limit is raised delivers every event exactly once.
 */
class RedisMaxmemoryFaultIT {
  private static final String STREAM = "firetap:logs:info";
  private static final int EVENTS = FaultResult.fullForm() ? 200_000 : 20_000;
  private static final String LIMIT = FaultResult.fullForm() ? "8mb" : "3mb";

  @TempDir Path work;

  @Test
  void spoolsAtTheMemoryLimitWarnsAndDeliversEverythingOnceItIsRaised() throws Exception {
    long started = System.nanoTime();
    try (RedisServer redis =
            RedisServer.start("--maxmemory", LIMIT, "--maxmemory-policy", "noeviction");
        RedisStreams streams = RedisStreams.connect(redis.url());
        ChildJvm app = startApplication(redis)) {
      String warning =
          app.awaitLine(
              line -> line.contains("WARN") && line.contains("OOM"), Duration.ofSeconds(60));
      long beforeRaise = streams.length(STREAM);
      streams.execute("CONFIG", "SET", "maxmemory", "0");
      boolean all = awaitLength(streams, EVENTS, Duration.ofSeconds(120));

      Map<Long, Integer> numbers = numbers(streams.events(STREAM));
      long duplicates = numbers.values().stream().mapToLong(count -> count - 1).sum();
      FaultResult result =
          new FaultResult(
              "redis-maxmemory",
              "%,d log events emitted at once by one process".formatted(EVENTS),
              "redis-server at maxmemory %s, noeviction; then CONFIG SET maxmemory 0"
                  .formatted(LIMIT),
              (System.nanoTime() - started) / 1e9,
              EVENTS,
              numbers.size(),
              EVENTS - numbers.size(),
              duplicates,
              all && duplicates == 0 ? "passed" : "failed: not every event delivered once",
              Map.of(
                  "deliveredBeforeRaise",
                  beforeRaise,
                  "warning",
                  warning.substring(warning.indexOf("WARN"))));
      result.write();

      assertThat(warning).contains("events wait in the queue and spill to");
      assertThat(beforeRaise).isLessThan(EVENTS);
      assertThat(numbers).hasSize(EVENTS);
      assertThat(duplicates).isZero();
    }
  }

  private ChildJvm startApplication(RedisServer redis) throws Exception {
    return ChildJvm.start(
        EmittingChild.class,
        List.of(
            "-Dfiretap.redis.url=" + redis.url(),
            "-Dfiretap.spool.dir=" + work.resolve("spool"),
            "-Dfiretap.service=maxmemory",
            "-Dfiretap.redis.timeout=1s",
            "-Dfiretap.logs.maxlen=1000000",
            "-Dfiretap.errors.enabled=false"),
        List.of(Integer.toString(EVENTS), "stay"),
        work.resolve("app.log"));
  }

  /** Whether the stream reached {@code length} entries within {@code timeout}. */
  private static boolean awaitLength(RedisStreams streams, long length, Duration timeout) {
    try {
      await().atMost(timeout).until(() -> streams.length(STREAM) >= length);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** How often each event number {@code n} is in the stream. */
  private static Map<Long, Integer> numbers(List<String> events) {
    Map<Long, Integer> numbers = new HashMap<>();
    for (String json : events) {
      Object n = EventCodec.decodeLog(json.getBytes(StandardCharsets.UTF_8)).data().get("n");
      numbers.merge(((Number) n).longValue(), 1, Integer::sum);
    }
    return numbers;
  }
}
