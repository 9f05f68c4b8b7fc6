package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirestoreEmulatorLocatorTest {
  @TempDir Path home;

  @Test
  void configuredJarThatDoesNotExistIsAnErrorNamingTheVariableAndPath() {
    String missing = home.resolve("nowhere/cloud-firestore-emulator.jar").toString();
    FirestoreEmulatorLocator locator = locator(Map.of("FIRESTORE_EMULATOR_JAR", missing));

    assertThatThrownBy(locator::find)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FIRESTORE_EMULATOR_JAR")
        .hasMessageContaining(missing)
        .hasMessageContaining("does not exist");
  }

  @Test
  void configuredJarIsUsedBeforeAnyInstallLocation() throws IOException {
    Path jar = Files.createFile(home.resolve("my-emulator.jar"));
    FirestoreEmulatorLocator locator = locator(Map.of("FIRESTORE_EMULATOR_JAR", jar.toString()));

    assertThat(locator.find()).contains(jar);
  }

  @Test
  void installInstructionsNameEveryWayToGetTheEmulator() {
    String instructions = locator(Map.of()).installInstructions();

    assertThat(instructions)
        .contains("gcloud components install cloud-firestore-emulator")
        .contains("google-cloud-cli-firestore-emulator")
        .contains("firebase setup:emulators:firestore")
        .contains("FIRESTORE_EMULATOR_JAR=");
  }

  @Test
  void searchesSdkLocationsThenNewestFirebaseJarThenSharedCopy() throws IOException {
    Path emulators = Files.createDirectories(home.resolve(".cache/firebase/emulators"));
    for (String version : List.of("1.9.0", "1.19.9", "1.18.2")) {
      Files.createFile(emulators.resolve("cloud-firestore-emulator-v" + version + ".jar"));
    }
    Path projectRoot = home.resolve("work/firetap");

    List<Path> locations = locator(Map.of(), projectRoot).installLocations();

    assertThat(locations)
        .containsExactly(
            Path.of(
                "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/"
                    + "cloud-firestore-emulator.jar"),
            Path.of(
                "/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/"
                    + "cloud-firestore-emulator.jar"),
            home.resolve(
                "google-cloud-sdk/platform/cloud-firestore-emulator/"
                    + "cloud-firestore-emulator.jar"),
            emulators.resolve("cloud-firestore-emulator-v1.19.9.jar"),
            home.resolve("work/shared/tools/firestore-emulator/cloud-firestore-emulator.jar"));
  }

  private FirestoreEmulatorLocator locator(Map<String, String> environment) {
    return locator(environment, home.resolve("project"));
  }

  private FirestoreEmulatorLocator locator(Map<String, String> environment, Path projectRoot) {
    return new FirestoreEmulatorLocator(environment, home, projectRoot);
  }
}
