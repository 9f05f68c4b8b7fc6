package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityReportTest {
  @TempDir Path project;

  @Test
  void replacesOnlyTheTableBetweenTheMarkersWithOneRowPerResultFile() throws Exception {
    Path results = Files.createDirectories(project.resolve("agent/target/reliability"));
    Files.writeString(
        results.resolve("redis-killed.json"),
        """
        {"scenario":"redis-killed","form":"short","load":"50 writes/s","fault":"kill | restart",
         "durationSeconds":41.5,"eventsWritten":500,"eventsDelivered":500,"lost":0,
         "duplicates":0,"outcome":"passed","figures":{"p99Ratio":0.9,"largestSpoolBytes":20}}
        """);
    Path doc = Files.createDirectories(project.resolve("docs")).resolve("reliability.md");
    Files.writeString(
        doc,
        "# Title\n" + ReliabilityReport.START + "\nold\n" + ReliabilityReport.END + "\nkept\n");

    ReliabilityReport.main(new String[] {project.toString()});

    String written = Files.readString(doc, StandardCharsets.UTF_8);
    assertThat(written).startsWith("# Title\n").endsWith(ReliabilityReport.END + "\nkept\n");
    assertThat(written).doesNotContain("old").contains("from short-form results.");
    assertThat(written)
        .contains(
            "| `redis-killed` | short | 50 writes/s | kill \\| restart | 500 | 500 | 0 | 0 |"
                + " passed | 41.5 s | p99Ratio 0.9; largestSpoolBytes 20 |");
  }

  @Test
  void refusesAFileWithoutTheMarkers() {
    assertThatThrownBy(() -> ReliabilityReport.replaceTable("# no markers", "| table |"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ReliabilityReport.START);
  }
}
