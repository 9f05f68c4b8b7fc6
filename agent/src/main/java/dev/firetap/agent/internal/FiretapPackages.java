package dev.firetap.agent.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The packages of Firetap's own classes, which are never instrumented: every package below {@code
 * dev.firetap} that the agent jar holds a class of, the relocated libraries included. Applications
 * and tests may use packages below {@code dev.firetap} too, so the name alone does not decide.
 */
final class FiretapPackages {
  private static final String ROOT = "dev/firetap/";

  private final Set<String> packages;

  private FiretapPackages(Set<String> packages) {
    this.packages = Set.copyOf(packages);
  }

  /** The packages of the jar or class folder the agent was loaded from. */
  static FiretapPackages ofAgent() throws IOException {
    CodeSource source = FiretapPackages.class.getProtectionDomain().getCodeSource();
    try {
      return of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException e) {
      throw new IOException("the agent's location is not a file: " + source.getLocation(), e);
    }
  }

  /** The packages below {@code dev.firetap} with a class in {@code jarOrFolder}. */
  static FiretapPackages of(Path jarOrFolder) throws IOException {
    Set<String> packages = new HashSet<>();
    if (Files.isDirectory(jarOrFolder)) {
      try (Stream<Path> files = Files.walk(jarOrFolder.resolve(ROOT))) {
        files
            .map(file -> jarOrFolder.relativize(file).toString().replace('\\', '/'))
            .forEach(name -> addPackage(name, packages));
      }
    } else {
      try (JarFile jar = new JarFile(jarOrFolder.toFile())) {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          addPackage(entries.nextElement().getName(), packages);
        }
      }
    }
    return new FiretapPackages(packages);
  }

  /** Whether {@code typeName} (such as {@code dev.firetap.Firetap}) is one of Firetap's classes. */
  boolean contains(String typeName) {
    int end = typeName.lastIndexOf('.');
    return end > 0 && packages.contains(typeName.substring(0, end));
  }

  private static void addPackage(String entry, Set<String> packages) {
    if (entry.startsWith(ROOT) && entry.endsWith(".class")) {
      packages.add(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.'));
    }
  }
}
