package dev.firetap.benchmarks;

import dev.firetap.benchmarks.agent.AgentBenchmark;
import dev.firetap.benchmarks.annotations.AnnotationsBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every benchmark in one run, {@code ./firetap bench}: writes every figure with its baseline, goal
 * and verdict, and the machine's description, to {@code benchmarks/results/latest.json}, then
 * regenerates {@code docs/benchmarks.md} (and the README's headline figures) from it. A benchmark
 * that fails is recorded as failed and the others still run; the exit code is then 1.
 *
 * <p>Usage, from the project root: {@code BenchmarkSuite [results file]}.
 */
public final class BenchmarkSuite {
  /** What {@code ./firetap bench} runs, in this order. */
  static final List<Benchmark> BENCHMARKS =
      List.of(
          EmitterBenchmark.standard(),
          HandlerBenchmark.standard(),
          AnnotationsBenchmark.standard(),
          AgentBenchmark.standard(),
          ClusterBenchmark.standard());

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : BenchmarkReport.LATEST.toString());
    String loadBefore = Machine.loadAverage();
    long start = System.nanoTime();
    List<Section> sections = new ArrayList<>();
    for (Benchmark benchmark : BENCHMARKS) {
      sections.add(run(benchmark));
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    BenchmarkRun run =
        new BenchmarkRun("./firetap bench", Machine.describe(loadBefore), seconds, sections);
    run.write(results);
    BenchmarkReport.generate(run);
    System.out.printf("%nthe suite took %d s%n", seconds);
    run.figures().forEach(figure -> System.out.println(BenchmarkReport.line(figure)));
    if (sections.stream().anyMatch(section -> !section.error().isEmpty())) {
      System.exit(1);
    }
  }

  private static Section run(Benchmark benchmark) {
    System.out.printf("%n== %s ==%n", benchmark.name());
    long start = System.nanoTime();
    try {
      List<Figure> figures = benchmark.run();
      return Section.of(benchmark.name(), secondsSince(start), figures);
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      return Section.failed(benchmark.name(), secondsSince(start), e);
    }
  }

  private static long secondsSince(long start) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
  }
}
