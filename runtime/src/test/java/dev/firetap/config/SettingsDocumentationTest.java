package dev.firetap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettingsDocumentationTest {
  private static final Path DOCUMENT =
      Path.of(System.getProperty("firetap.projectRoot", ".."), "docs", "configuration.md");

  @Test
  void documentListsExactlyTheSettingsAndTheirDefaults() throws IOException {
    Map<String, String> expected =
        Settings.all().stream()
            .collect(
                Collectors.toMap(
                    Setting::name, Setting::defaultText, (a, b) -> a, LinkedHashMap::new));

    Map<String, String> documented = documentedColumn(2);

    assertThat(documented).containsExactlyEntriesOf(expected);
  }

  @Test
  void documentNamesTheEnvironmentVariableOfEachSetting() throws IOException {
    Map<String, String> expected =
        Settings.all().stream()
            .collect(
                Collectors.toMap(
                    Setting::name, Setting::environmentVariable, (a, b) -> a, LinkedHashMap::new));

    Map<String, String> documented = documentedColumn(1);

    assertThat(documented).containsExactlyEntriesOf(expected);
  }

  /** The settings table's rows, by setting name, mapped to the cell in the given column. */
  private static Map<String, String> documentedColumn(int column) throws IOException {
    Map<String, String> cells = new LinkedHashMap<>();
    for (List<String> row : settingRows()) {
      cells.put(row.get(0), row.get(column));
    }
    return cells;
  }

  private static List<List<String>> settingRows() throws IOException {
    return Files.readAllLines(DOCUMENT).stream()
        .filter(line -> line.startsWith("| `firetap."))
        .map(SettingsDocumentationTest::cells)
        .toList();
  }

  private static List<String> cells(String row) {
    String inner = row.substring(1, row.lastIndexOf('|'));
    return List.of(inner.split("\\|")).stream().map(SettingsDocumentationTest::plain).toList();
  }

  private static String plain(String cell) {
    String trimmed = cell.strip();
    boolean quoted = trimmed.length() > 1 && trimmed.startsWith("`") && trimmed.endsWith("`");
    return quoted ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }
}
