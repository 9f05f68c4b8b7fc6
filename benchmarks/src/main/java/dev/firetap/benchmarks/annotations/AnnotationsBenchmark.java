package dev.firetap.benchmarks.annotations;

import dev.firetap.benchmarks.AgentJar;
import dev.firetap.benchmarks.Benchmark;
import dev.firetap.benchmarks.Figure;
import dev.firetap.benchmarks.Profile;
import dev.firetap.benchmarks.Profiles;
import dev.firetap.benchmarks.Results;
import dev.firetap.testing.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link AnnotatedCallBenchmark} in one JMH run against one private redis-server and reports
 * what the agent and the compile-time woven aspect add to each call of a {@code @Logged} method,
 * over the plain call (goal: at most 200 ns).
 *
 * <p>Usage, from the project root: {@code AnnotationsBenchmark [results file]}.
 *
 * @param forks JVMs per variant
 * @param warmUpIterations untimed iterations of 1 s per fork
 * @param iterations measured iterations of 1 s per fork
 */
public record AnnotationsBenchmark(int forks, int warmUpIterations, int iterations)
    implements Benchmark {
  private static final double GOAL_NANOS = 200;

  /** The figures of the suite, sized to run in about a minute: one fork per variant. */
  public static AnnotationsBenchmark standard() {
    return new AnnotationsBenchmark(1, 3, 5);
  }

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "benchmarks/results/annotations.json");
    Benchmark.runAlone(new AnnotationsBenchmark(2, 5, 5), results);
  }

  @Override
  public String name() {
    return "annotations";
  }

  @Override
  public List<Figure> run() throws Exception {
    AgentJar.require();
    Path spool = Files.createTempDirectory("firetap-bench-spool");
    try (RedisServer redis = RedisServer.start()) {
      Map<String, RunResult> runs = runs(jmh(redis, spool, ".*", forks, iterations));
      double plain = median(runs.get("plain"));
      List<Figure> figures = new ArrayList<>();
      for (String variant : List.of("agent", "woven")) {
        Figure figure = figure(variant, runs.get(variant), plain);
        figures.add(figure.missed() ? figure.withProfile(profile(redis, spool, variant)) : figure);
      }
      return figures;
    }
  }

  private ChainedOptionsBuilder jmh(
      RedisServer redis, Path spool, String variant, int forkCount, int iterationCount) {
    return new OptionsBuilder()
        .include(AnnotatedCallBenchmark.class.getName() + "." + variant)
        .forks(forkCount)
        .warmupIterations(warmUpIterations)
        .measurementIterations(iterationCount)
        .jvmArgsPrepend(
            "-Dfiretap.redis.url=" + redis.url(),
            "-Dfiretap.spool.dir=" + spool,
            "-Dfiretap.service=annotations-bench",
            "-Dfiretap.errors.enabled=false")
        .shouldFailOnError(true);
  }

  private static Map<String, RunResult> runs(ChainedOptionsBuilder options) throws Exception {
    Map<String, RunResult> runs = new LinkedHashMap<>();
    for (RunResult run : new Runner(options.build()).run()) {
      String label = run.getParams().getBenchmark();
      runs.put(label.substring(label.lastIndexOf('.') + 1), run);
    }
    return runs;
  }

  /**
   * The median of the measured iterations of every fork: on a shared machine one iteration that
   * another process slowed down moves JMH's mean far more than the median.
   */
  private static double median(RunResult run) {
    return Results.median(
        run.getBenchmarkResults().stream()
            .flatMap(result -> result.getIterationResults().stream())
            .map(iteration -> iteration.getPrimaryResult().getScore())
            .toList());
  }

  private Figure figure(String variant, RunResult run, double plain) {
    double median = median(run);
    double added = median - plain;
    Result<?> mean = run.getPrimaryResult();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("plainMedianNanosPerCall", Results.rounded(plain, 1));
    values.put("medianNanosPerCall", Results.rounded(median, 1));
    values.put("meanNanosPerCall", Results.rounded(mean.getScore(), 1));
    values.put("meanError99", Results.rounded(mean.getScoreError(), 1));
    values.put("addedNanos", Results.rounded(added, 1));
    values.put("callsPerInvocation", AnnotatedCallBenchmark.CALLS);
    values.put("forks", forks);
    values.put("iterations", iterations);
    String how = variant.equals("agent") ? "the agent" : "AspectJ, woven at compile time";
    return Figure.of(
            "annotations." + variant,
            "`@Logged` call instrumented by " + how,
            String.format(Locale.ROOT, "the un-instrumented call: median %.1f ns", plain),
            String.format(
                Locale.ROOT,
                "median %,.0f ns per call, %+,.0f ns (mean %,.0f ± %,.0f)",
                median,
                added,
                mean.getScore(),
                mean.getScoreError()),
            values)
        .withGoal("≤ " + (int) GOAL_NANOS + " ns added", added <= GOAL_NANOS);
  }

  /** One more short fork of {@code variant} under a JFR recording. */
  private Profile profile(RedisServer redis, Path spool, String variant) throws Exception {
    Path file = Profiles.file("annotations." + variant);
    List<String> options = new ArrayList<>();
    if (variant.equals("agent")) {
      // Options replace the annotation's JVM arguments, the agent among them.
      options.add(AgentJar.option(""));
    }
    options.add(Profiles.jvmOption(file));
    new Runner(
            jmh(redis, spool, variant, 1, 1).jvmArgsAppend(options.toArray(new String[0])).build())
        .run();
    return Profiles.summarize(file, Profile.Kind.CPU);
  }
}
