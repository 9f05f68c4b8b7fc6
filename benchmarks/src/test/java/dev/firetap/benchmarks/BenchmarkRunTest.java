package dev.firetap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunTest {
  @TempDir Path directory;

  @Test
  void readsBackEveryFigureVerdictAndProfileItWrote() throws Exception {
    Path file = directory.resolve("latest.json");

    FiguresForTests.RUN.write(file);
    BenchmarkRun read = BenchmarkRun.read(file);

    assertThat(read.machine()).isEqualTo(FiguresForTests.RUN.machine());
    assertThat(read.seconds()).isEqualTo(512);
    assertThat(read.sections())
        .extracting(Section::name)
        .containsExactly("emitter", "agent", "handlers");
    assertThat(read.sections().get(2).error())
        .isEqualTo("java.lang.IllegalStateException: redis-server not found");
    Figure missed = read.figures().get(0);
    assertThat(missed.verdict()).isEqualTo(Figure.Verdict.MISSED);
    assertThat(missed.profiles()).containsExactly(FiguresForTests.PROFILE);
    assertThat(missed.values()).containsEntry("throughputRatio", 0.573);
    assertThat(read.figures())
        .extracting(Figure::verdict)
        .containsExactly(Figure.Verdict.MISSED, Figure.Verdict.MET, Figure.Verdict.NO_GOAL);
  }
}
