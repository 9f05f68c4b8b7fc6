package dev.firetap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
  private static final String README =
      String.join(
          "\n",
          "# App",
          "- [Benchmarks](docs/benchmarks.md): figures.",
          "  " + BenchmarkReport.README_START,
          "  - an old figure",
          "  " + BenchmarkReport.README_END,
          "- [Other](docs/other.md)",
          "");

  @Test
  void tableShowsEveryFigureWithItsVerdictAndAFailedBenchmark() {
    String doc = BenchmarkReport.render(FiguresForTests.RUN, "{{summary}}");

    assertThat(doc)
        .contains(
            "| Emitter throughput, 500-byte events | `redis-benchmark -P 64` XADD of the same"
                + " bytes: 304,882/s | 174,356/s, ratio 0.57 (rounds 0.55-0.79) | ratio ≥ 0.7 |"
                + " **no** |")
        .contains("| median 49 ns, p99 180 ns \\| max 4.81 ms | median ≤ 1 µs | yes |")
        .contains("| exact: set +12.0 µs | — | — |")
        .contains("| **./firetap bench handlers: did not run** |");
  }

  @Test
  void profilesOfABenchmarkListTheHotMethodsAndLinkTheRecording() {
    String doc = BenchmarkReport.render(FiguresForTests.RUN, "{{profiles emitter}}");

    assertThat(doc)
        .contains("[emitter.throughput.jfr](../benchmarks/results/profiles/emitter.throughput.jfr)")
        .contains("1,234 CPU samples")
        .contains(
            "| `dev.firetap.event.EventJsonWriter.write` | 21.5% |"
                + " `dev.firetap.event.EventJsonWriter.write` | 21.5% |")
        .contains("|  |  | `dev.firetap.emit.internal.Sender.run` | 8.0% |");
  }

  @Test
  void aRecordingOfSeveralMissedFiguresIsListedOnceNamingThemAll() {
    Figure other =
        Figure.of("emitter.other", "Another emitter figure", "—", "1/s", Map.of())
            .withGoal("≥ 2/s", false)
            .withProfile(FiguresForTests.PROFILE);
    BenchmarkRun run =
        new BenchmarkRun(
            "./firetap bench emitter",
            FiguresForTests.RUN.machine(),
            1,
            List.of(Section.of("emitter", 1, List.of(FiguresForTests.MISSED, other))));

    String doc = BenchmarkReport.render(run, "{{profiles emitter}}");

    assertThat(doc)
        .containsOnlyOnce("Profile of")
        .contains(
            "missed figures *Emitter throughput, 500-byte events* and *Another emitter figure*");
  }

  @Test
  void aBenchmarkThatMetEveryGoalSaysNothingWasProfiled() {
    String doc = BenchmarkReport.render(FiguresForTests.RUN, "{{profiles agent}}");

    assertThat(doc).contains("nothing was profiled");
  }

  @Test
  void runLineNamesTheMachineTheCommitAndHowManyGoalsWereMet() {
    String doc = BenchmarkReport.render(FiguresForTests.RUN, "{{run}}");

    assertThat(doc)
        .contains("commit `e2a91fd0abcd`")
        .contains("2 cores (AMD EPYC 7B13)")
        .contains("Java 17.0.15 (Debian)")
        .contains("1 of 2 figures with a goal met it");
  }

  @Test
  void anUnknownPlaceholderIsNamed() {
    assertThatThrownBy(() -> BenchmarkReport.render(FiguresForTests.RUN, "x {{sumary}} y"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'{{sumary}}'");
  }

  @Test
  void figuresOfABenchmarkAreATableOfItsOwnFiguresOnly() {
    String doc = BenchmarkReport.render(FiguresForTests.RUN, "{{figures emitter}}");

    assertThat(doc)
        .startsWith("| figure | result | baseline in the same run |\n|---|---|---|\n")
        .contains(
            "| Caller-thread hand-over of one event | median 49 ns, p99 180 ns \\| max 4.81 ms"
                + " | — |")
        .doesNotContain("Agent CPU time");
  }

  @Test
  void figuresOfABenchmarkThatDidNotRunSaySo() {
    String missing = BenchmarkReport.render(FiguresForTests.RUN, "{{figures cluster}}");
    String failed = BenchmarkReport.render(FiguresForTests.RUN, "{{figures handlers}}");

    assertThat(missing).isEqualTo("This benchmark was not part of the last run.");
    assertThat(failed).startsWith("It did not run to its end: ");
  }

  @Test
  void theTemplateRendersWithoutLeftoverPlaceholders() throws Exception {
    String template;
    try (InputStream in = BenchmarkReport.class.getResourceAsStream(BenchmarkReport.TEMPLATE)) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    String doc = BenchmarkReport.render(FiguresForTests.RUN, template);

    assertThat(doc).doesNotContain("{{").contains("Emitter throughput, 500-byte events");
  }

  @Test
  void readmeHeadlineReplacesOnlyTheTextBetweenTheMarkers() {
    String readme = BenchmarkReport.withHeadline(README, FiguresForTests.RUN);

    assertThat(readme)
        .startsWith("# App\n- [Benchmarks](docs/benchmarks.md): figures.\n  <!-- headline")
        .endsWith(BenchmarkReport.README_END + "\n- [Other](docs/other.md)\n")
        .doesNotContain("an old figure")
        .contains("Headline figures of the last run (2025-06-01, 2 cores)")
        .contains(
            "  - Emitter throughput, 500-byte events: 174,356/s, ratio 0.57 (rounds 0.55-0.79);"
                + " baseline `redis-benchmark -P 64` XADD of the same bytes: 304,882/s"
                + " (goal ratio ≥ 0.7: **missed**)")
        .contains("  - Caller-thread hand-over of one event: median 49 ns");
  }

  @Test
  void aReadmeWithoutMarkersIsRefusedWithTheMarkersNamed() {
    assertThatThrownBy(() -> BenchmarkReport.withHeadline("# App\n", FiguresForTests.RUN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BenchmarkReport.README_START);
  }
}
