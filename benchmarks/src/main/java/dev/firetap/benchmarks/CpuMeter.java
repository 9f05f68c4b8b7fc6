package dev.firetap.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The CPU time that this JVM (every thread: Firetap's, Lettuce's, the JIT and the collector) and a
 * redis-server spend on a piece of work, per event: where the time of a throughput figure goes.
 * Redis reports its own CPU time ({@code INFO cpu}, {@code used_cpu_user} plus {@code
 * used_cpu_sys}).
 */
final class CpuMeter {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final RedisClient client;

  CpuMeter(RedisClient client) {
    this.client = client;
  }

  /** Runs {@code work} and returns its result with what it cost per event of {@code events}. */
  <T> Measured<T> measure(int events, Work<T> work) throws Exception {
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      double redisBefore = redisSeconds(connection);
      long jvmBefore = OS.getProcessCpuTime();
      T result = work.run();
      long jvmNanos = OS.getProcessCpuTime() - jvmBefore;
      double redisNanos = (redisSeconds(connection) - redisBefore) * 1e9;
      return new Measured<>(result, new Cost(jvmNanos / 1e3 / events, redisNanos / 1e3 / events));
    }
  }

  private static double redisSeconds(StatefulRedisConnection<String, String> connection) {
    double seconds = 0;
    for (String line : connection.sync().info("cpu").split("\r?\n")) {
      if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
        seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return seconds;
  }

  /** Work whose cost is measured. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }

  /**
   * A result and its cost.
   *
   * @param result what the work returned
   * @param cost its CPU time per event
   */
  record Measured<T>(T result, Cost cost) {}

  /**
   * CPU time per event.
   *
   * @param jvmMicros this JVM's, in microseconds
   * @param redisMicros the redis-server's, in microseconds
   */
  record Cost(double jvmMicros, double redisMicros) {
    /** The medians of each part over {@code costs}. */
    static Cost median(List<Cost> costs) {
      return new Cost(
          Results.median(costs.stream().map(Cost::jvmMicros).toList()),
          Results.median(costs.stream().map(Cost::redisMicros).toList()));
    }

    /** {@code JVM 23.0 µs + Redis 5.0 µs}. */
    String describe() {
      return String.format(Locale.ROOT, "JVM %.1f µs + Redis %.1f µs", jvmMicros, redisMicros);
    }
  }
}
