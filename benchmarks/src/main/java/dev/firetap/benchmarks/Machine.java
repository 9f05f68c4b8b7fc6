package dev.firetap.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine and the code a run measured, so that figures of different runs can be told apart.
 *
 * @param cores processors available to the JVM
 * @param cpu the CPU model, from {@code /proc/cpuinfo}
 * @param memoryMegabytes physical memory
 * @param java the Java version and vendor
 * @param os the operating system, kernel and architecture
 * @param redis the version of {@code redis-server}
 * @param date when the run ended, UTC
 * @param gitCommit the commit measured, with {@code +changes} when the work tree differed from it
 *     (beyond the files the suite writes)
 * @param loadBefore the 1, 5 and 15 minute load averages before the run: what else ran
 * @param loadAfter the same after the run
 */
public record Machine(
    int cores,
    String cpu,
    long memoryMegabytes,
    String java,
    String os,
    String redis,
    String date,
    String gitCommit,
    String loadBefore,
    String loadAfter) {
  private static final String UNKNOWN = "unknown";
  private static final Pattern REDIS_VERSION = Pattern.compile("v=([0-9.]+)");

  /** Describes this machine now; {@code loadBefore} is what {@link #loadAverage()} said earlier. */
  public static Machine describe(String loadBefore) {
    com.sun.management.OperatingSystemMXBean system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        system.getTotalMemorySize() / (1024 * 1024),
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        String.join(
            " ",
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch")),
        installedRedis(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        currentCommit(),
        loadBefore,
        loadAverage());
  }

  /** The 1, 5 and 15 minute load averages, where the system tells them. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return String.join(" ", fields[0], fields[1], fields[2]);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse(UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  private static String installedRedis() {
    Matcher matcher = REDIS_VERSION.matcher(output(List.of("redis-server", "--version")));
    return matcher.find() ? matcher.group(1) : UNKNOWN;
  }

  private static String currentCommit() {
    String commit = output(List.of("git", "rev-parse", "--short=12", "HEAD")).strip();
    if (commit.isEmpty()) {
      return UNKNOWN;
    }
    // What the suite itself writes is no change to the code it measures.
    boolean changed =
        !output(
                List.of(
                    "git",
                    "status",
                    "--porcelain",
                    "--untracked-files=no",
                    "--",
                    ".",
                    ":(exclude)README.md",
                    ":(exclude)docs/benchmarks.md",
                    ":(exclude)benchmarks/results"))
            .isBlank();
    return changed ? commit + "+changes" : commit;
  }

  /** What {@code command} prints, or nothing when it cannot run. */
  private static String output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean exited = process.waitFor(10, TimeUnit.SECONDS);
      return exited && process.exitValue() == 0 ? output : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** This description as a JSON-ready map. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cores", cores);
    map.put("cpu", cpu);
    map.put("memoryMegabytes", memoryMegabytes);
    map.put("java", java);
    map.put("os", os);
    map.put("redis", redis);
    map.put("date", date);
    map.put("gitCommit", gitCommit);
    map.put("loadAverageBefore", loadBefore);
    map.put("loadAverageAfter", loadAfter);
    return map;
  }

  /** The description that {@link #toMap()} made. */
  static Machine fromMap(Map<String, Object> map) {
    return new Machine(
        ((Number) map.get("cores")).intValue(),
        (String) map.get("cpu"),
        ((Number) map.get("memoryMegabytes")).longValue(),
        (String) map.get("java"),
        (String) map.get("os"),
        (String) map.get("redis"),
        (String) map.get("date"),
        (String) map.get("gitCommit"),
        (String) map.get("loadAverageBefore"),
        (String) map.get("loadAverageAfter"));
  }
}
