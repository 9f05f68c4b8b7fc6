package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {
  @TempDir Path directory;

  @Test
  void modulePomThatNamesFiretapParentAsItsParentIsNotTheRoot() throws IOException {
    Path root = Files.createDirectories(directory.resolve("firetap"));
    Files.writeString(root.resolve("pom.xml"), pom("<artifactId>firetap-parent</artifactId>"));
    Path module = Files.createDirectories(root.resolve("runtime/src/test"));
    Files.writeString(
        module.getParent().getParent().resolve("pom.xml"),
        pom(
            "<parent><artifactId>firetap-parent</artifactId></parent>"
                + "<artifactId>firetap-runtime</artifactId>"));

    Path found = ProjectRoot.searchUpwards(module);

    assertThat(found).isEqualTo(root);
  }

  @Test
  void directoryHoldingCiFolderIsTheRoot() throws IOException {
    Path root = Files.createDirectories(directory.resolve("checkout"));
    Files.createDirectories(root.resolve(".ci"));
    Path nested = Files.createDirectories(root.resolve("agent/src"));

    Path found = ProjectRoot.searchUpwards(nested);

    assertThat(found).isEqualTo(root);
  }

  private static String pom(String content) {
    return "<?xml version=\"1.0\"?><project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
        + content
        + "</project>";
  }
}
