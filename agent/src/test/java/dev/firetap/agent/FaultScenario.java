package dev.firetap.agent;

import dev.firetap.testing.FaultResult;
import dev.firetap.testing.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The lengths of the agent's fault scenarios in the short and the full form, and their tools. */
final class FaultScenario {
  static final boolean FULL = FaultResult.fullForm();

  /**
   * Writes per second of the application: 1,000 in the full form, unless {@code
   * -Dfiretap.faults.rate} sets another rate for a machine whose emulator cannot take that many.
   */
  static final int RATE = Integer.getInteger("firetap.faults.rate", FULL ? 1000 : 20);

  /** How long the fault lasts. */
  static final Duration OUTAGE = Duration.ofSeconds(FULL ? 15 : 4);

  /** Writes before the fault starts, and after it ends: 60 s of writing in the full form. */
  static final Duration STEADY = FULL ? Duration.ofMillis(22_500) : Duration.ofSeconds(3);

  /** How long the application writes. */
  static final int SECONDS = (int) STEADY.multipliedBy(2).plus(OUTAGE).toSeconds();

  private FaultScenario() {}

  /** The agent's arguments for {@code service}, spooling under {@code work}. */
  static String agentArguments(RedisServer redis, String service, Path work, String... extra) {
    StringBuilder arguments =
        new StringBuilder("redis.url=")
            .append(redis.url())
            .append(",service=")
            .append(service)
            .append(",spool.dir=")
            .append(work.resolve("spool"))
            .append(",redis.timeout=500ms");
    for (String setting : extra) {
      arguments.append(',').append(setting);
    }
    return arguments.toString();
  }

  /** The size of every file under {@code spool}, 0 when it does not exist. */
  static long spoolBytes(Path spool) {
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(spool)) {
      return files.filter(Files::isRegularFile).mapToLong(FaultScenario::size).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0; // a segment deleted while walking: the next poll sees the new state
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code done} or {@code timeout}; returns whether it was done. Never throws. */
  static boolean awaitQuietly(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return true;
  }

  /** Sleeps for {@code span}, sampling the spool's size; returns the largest size seen. */
  static long watchSpool(Path spool, Duration span) {
    long end = System.nanoTime() + span.toNanos();
    long largest = 0;
    while (System.nanoTime() - end < 0) {
      largest = Math.max(largest, spoolBytes(spool));
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return largest;
  }

  /** The outcome field of a result: {@code passed} or the first failed check. */
  static String outcome(String... failures) {
    for (String failure : failures) {
      if (failure != null) {
        return "failed: " + failure;
      }
    }
    return "passed";
  }
}
