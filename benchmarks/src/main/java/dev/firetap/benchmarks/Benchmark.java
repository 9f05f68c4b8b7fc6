package dev.firetap.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One benchmark: a harness that measures figures, each against its baseline in the same run. */
public interface Benchmark {
  /** Its name for {@code ./firetap bench <name>}. */
  String name();

  /**
   * Measures every figure, each side by side with its baseline; figures that miss their goal carry
   * the profile of the part that missed.
   */
  List<Figure> run() throws Exception;

  /**
   * Runs {@code benchmark} alone, prints its figures, and writes them with the machine's
   * description to {@code results}.
   */
  static void runAlone(Benchmark benchmark, Path results) throws Exception {
    String loadBefore = Machine.loadAverage();
    long start = System.nanoTime();
    List<Figure> figures = benchmark.run();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    Section section = Section.of(benchmark.name(), seconds, figures);
    BenchmarkRun run =
        new BenchmarkRun(
            section.command(), Machine.describe(loadBefore), seconds, List.of(section));
    figures.forEach(figure -> System.out.println(BenchmarkReport.line(figure)));
    run.write(results);
  }
}
