package dev.firetap.benchmarks.annotations;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.firetap.testing.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link AnnotatedCallBenchmark} in one JMH run against one private redis-server and reports
 * what the agent and the compile-time woven aspect add to each call of a {@code @Logged} method,
 * over the plain call (goal: at most 200 ns).
 *
 * <p>Usage, from the project root: {@code AnnotationsBenchmark [results file]}.
 */
public final class AnnotationsBenchmark {
  private static final double GOAL_NANOS = 200;

  private AnnotationsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "benchmarks/results/annotations.json");
    if (!Files.isRegularFile(Path.of(AnnotatedCallBenchmark.AGENT_JAR))) {
      throw new IllegalStateException(
          AnnotatedCallBenchmark.AGENT_JAR
              + " not found: run from the project root after building the agent"
              + " (./firetap bench annotations does both)");
    }
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    String loadBefore = loadAverage();

    try (RedisServer redis = RedisServer.start()) {
      Options options =
          new OptionsBuilder()
              .include(AnnotatedCallBenchmark.class.getName())
              .jvmArgsPrepend(
                  "-Dfiretap.redis.url=" + redis.url(),
                  "-Dfiretap.spool.dir=" + spool,
                  "-Dfiretap.service=annotations-bench",
                  "-Dfiretap.errors.enabled=false")
              .shouldFailOnError(true)
              .build();
      Collection<RunResult> runs = new Runner(options).run();
      report(results, runs, loadBefore, loadAverage());
    }
  }

  private static void report(
      Path results, Collection<RunResult> runs, String loadBefore, String loadAfter)
      throws IOException {
    Map<String, Result<?>> scores = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String label = run.getParams().getBenchmark();
      scores.put(label.substring(label.lastIndexOf('.') + 1), run.getPrimaryResult());
    }
    double plain = median(scores.get("plain"));
    double agent = median(scores.get("agent")) - plain;
    double woven = median(scores.get("woven")) - plain;
    System.out.printf(
        Locale.ROOT,
        "%nAdded per @Logged call over the plain call (%.1f ns), medians: agent %.0f ns,"
            + " compile-time woven %.0f ns (goal <= %.0f ns: agent %s, woven %s)%n",
        plain,
        agent,
        woven,
        GOAL_NANOS,
        agent <= GOAL_NANOS ? "met" : "MISSED",
        woven <= GOAL_NANOS ? "met" : "MISSED");
    Map<String, Object> figures = new LinkedHashMap<>();
    scores.forEach(
        (name, score) -> {
          figures.put(name + "MedianNanosPerCall", round(median(score)));
          figures.put(name + "MeanNanosPerCall", round(score.getScore()));
          figures.put(name + "MeanError99", round(score.getScoreError()));
        });
    figures.put("agentAddedNanos", round(agent));
    figures.put("wovenAddedNanos", round(woven));
    figures.put("goalAddedNanos", GOAL_NANOS);
    figures.put("callsPerInvocation", AnnotatedCallBenchmark.CALLS);
    figures.put("loadAverageBefore", loadBefore);
    figures.put("loadAverageAfter", loadAfter);
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("java", System.getProperty("java.version"));
    write(results, figures);
  }

  /** The median time per call of the sampled invocations. */
  private static double median(Result<?> result) {
    return result.getStatistics().getPercentile(50);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** The 1, 5 and 15 minute load averages, where the system tells them; what else ran. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return String.join(" ", fields[0], fields[1], fields[2]);
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void write(Path results, Map<String, Object> figures) throws IOException {
    Files.createDirectories(results.toAbsolutePath().getParent());
    try (JsonGenerator json =
        new JsonFactory().createGenerator(results.toFile(), JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      for (Map.Entry<String, Object> figure : figures.entrySet()) {
        json.writeFieldName(figure.getKey());
        json.writeObject(figure.getValue());
      }
      json.writeEndObject();
    }
    System.out.println("results written to " + results);
  }
}
