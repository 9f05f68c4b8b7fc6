package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ChromiumTest {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser");

  @TempDir Path bin;

  @Test
  void findsTheFirstNameOnThePath() throws IOException {
    Path browser = executable("chromium-browser");

    Path found = Chromium.find(Map.of("PATH", bin.toString()), "CHROMIUM", NAMES, Optional.empty());

    assertThat(found).isEqualTo(browser);
  }

  @Test
  void theVariableWinsAndMustNameAnExecutable() throws IOException {
    Path chosen = executable("my-chromium");
    executable("chromium");
    Map<String, String> wrong = Map.of("CHROMIUM", bin.resolve("nothing").toString());

    Path found =
        Chromium.find(
            Map.of("CHROMIUM", chosen.toString(), "PATH", bin.toString()),
            "CHROMIUM",
            NAMES,
            Optional.empty());

    assertThat(found).isEqualTo(chosen);
    assertThatThrownBy(() -> Chromium.find(wrong, "CHROMIUM", NAMES, Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CHROMIUM must name an executable file");
  }

  @Test
  void outsideCiAMissingBrowserSkipsWithTheInstallCommand() {
    Map<String, String> environment = Map.of("PATH", bin.toString());

    assertThatThrownBy(() -> Chromium.find(environment, "CHROMIUM", NAMES, Optional.empty()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("chromium was not found")
        .hasMessageContaining("apt-get install -y chromium chromium-driver");
  }

  @Test
  void onCiAMissingBrowserFails() {
    Map<String, String> environment = Map.of("PATH", bin.toString(), "CI", "true");

    assertThatThrownBy(() -> Chromium.find(environment, "CHROMIUM", NAMES, Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CI=true");
  }

  private Path executable(String name) throws IOException {
    Path file = Files.createFile(bin.resolve(name));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
