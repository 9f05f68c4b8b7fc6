package dev.firetap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the jar of the official Cloud Firestore emulator: the {@code FIRESTORE_EMULATOR_JAR}
 * variable first, then the install locations of the Google Cloud SDK and the Firebase CLI, then the
 * copy shared next to the project at {@code ../shared/tools/firestore-emulator/}.
 */
public final class FirestoreEmulatorLocator {
  /** Environment variable holding the path of the emulator jar to use. */
  public static final String ENVIRONMENT_VARIABLE = "FIRESTORE_EMULATOR_JAR";

  private static final String JAR = "cloud-firestore-emulator.jar";
  private static final Path SDK_JAR = Path.of("platform", "cloud-firestore-emulator", JAR);
  private static final Pattern FIREBASE_JAR =
      Pattern.compile("cloud-firestore-emulator-v(\\d+(?:\\.\\d+)*)\\.jar");

  private final Map<String, String> environment;
  private final Path homeDirectory;
  private final Path projectRoot;

  /** A locator that reads this JVM's environment, home directory and project root. */
  public FirestoreEmulatorLocator() {
    this(System.getenv(), Path.of(System.getProperty("user.home")), ProjectRoot.locate());
  }

  FirestoreEmulatorLocator(Map<String, String> environment, Path homeDirectory, Path projectRoot) {
    this.environment = Map.copyOf(environment);
    this.homeDirectory = homeDirectory;
    this.projectRoot = projectRoot;
  }

  /**
   * The emulator jar to run, or empty when none is installed.
   *
   * @throws IllegalStateException when {@code FIRESTORE_EMULATOR_JAR} is set but names no file
   */
  public Optional<Path> find() {
    String configured = environment.get(ENVIRONMENT_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(checkConfigured(Path.of(configured)));
    }
    return installLocations().stream().filter(Files::isRegularFile).findFirst();
  }

  /**
   * The emulator jar to run.
   *
   * @throws IllegalStateException when none is installed and {@code CI} is {@code true}, or when
   *     {@code FIRESTORE_EMULATOR_JAR} names no file
   * @throws org.opentest4j.TestAbortedException when none is installed outside CI
   */
  public Path require() {
    String what = "The Cloud Firestore emulator";
    return find().orElseThrow(() -> MissingServer.report(what, installInstructions(), environment));
  }

  /** How to install the emulator or point the rig at its jar. */
  public String installInstructions() {
    return String.join(
        "\n",
        "Install the Cloud Firestore emulator in one of these ways:",
        "  gcloud components install cloud-firestore-emulator",
        "  Debian/Ubuntu: apt-get install -y google-cloud-cli-firestore-emulator"
            + " (from Google's apt repository, packages.cloud.google.com/apt)",
        "  firebase setup:emulators:firestore",
        "  or set " + ENVIRONMENT_VARIABLE + "=/path/to/" + JAR,
        "Searched: " + installLocations());
  }

  /** The places searched when {@code FIRESTORE_EMULATOR_JAR} is not set, in order. */
  List<Path> installLocations() {
    List<Path> locations = new ArrayList<>();
    locations.add(Path.of("/usr/lib/google-cloud-sdk").resolve(SDK_JAR));
    locations.add(Path.of("/usr/share/google-cloud-sdk").resolve(SDK_JAR));
    locations.add(homeDirectory.resolve("google-cloud-sdk").resolve(SDK_JAR));
    newestFirebaseJar().ifPresent(locations::add);
    locations.add(
        projectRoot
            .resolve(Path.of("..", "shared", "tools", "firestore-emulator", JAR))
            .normalize());
    return List.copyOf(locations);
  }

  private Optional<Path> newestFirebaseJar() {
    Path directory = homeDirectory.resolve(Path.of(".cache", "firebase", "emulators"));
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> FIREBASE_JAR.matcher(file.getFileName().toString()).matches())
          .max(Comparator.comparing(FirestoreEmulatorLocator::version, Arrays::compare));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static int[] version(Path firebaseJar) {
    Matcher matcher = FIREBASE_JAR.matcher(firebaseJar.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a Firebase emulator jar: " + firebaseJar);
    }
    return Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
  }

  private Path checkConfigured(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "%s must name the Cloud Firestore emulator jar, got '%s', which %s"
              .formatted(
                  ENVIRONMENT_VARIABLE,
                  jar,
                  Files.exists(jar) ? "is not a regular file" : "does not exist"));
    }
    return jar;
  }
}
