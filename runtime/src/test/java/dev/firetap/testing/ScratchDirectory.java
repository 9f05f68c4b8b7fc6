package dev.firetap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Temporary working directories of test servers: their data, configuration and logs. */
final class ScratchDirectory {
  private static final Set<Path> UNDELETED = ConcurrentHashMap.newKeySet();

  private ScratchDirectory() {}

  static Path create(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix);
      UNDELETED.add(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory " + prefix + "*", e);
    }
  }

  /** Deletes {@code directory} and everything in it; a missing directory is left as it is. */
  static void delete(Path directory) {
    UNDELETED.remove(directory);
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  /** Deletes every directory created and not yet deleted, as far as possible; for shutdown. */
  static void deleteAllRemaining() {
    for (Path directory : Set.copyOf(UNDELETED)) {
      try {
        delete(directory);
      } catch (UncheckedIOException e) {
        // Best effort while the JVM exits: a leftover temporary directory harms no later run.
      }
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
