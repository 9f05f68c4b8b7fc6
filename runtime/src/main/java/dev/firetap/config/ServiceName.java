package dev.firetap.config;

import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Derives the default service name from the command that started the JVM. */
final class ServiceName {
  static final String FALLBACK = "app";
  private static final int MAX_LENGTH = 128;

  private ServiceName() {}

  /**
   * The simple name of the main class named by {@code command}, the value of the system property
   * {@code sun.java.command}: its first token is a class name, or a jar whose manifest names the
   * main class. Characters other than A-Z, a-z, 0-9, '_', '.' and '-' become '_'.
   *
   * @param command the command, or null if the JVM does not report it
   * @return the name, or {@code app} if none can be found
   */
  static String fromJavaCommand(String command) {
    if (command == null || command.isBlank()) {
      return FALLBACK;
    }
    String first = command.strip().split("\\s+", 2)[0];
    String mainClass = first.endsWith(".jar") ? mainClassOfJar(first) : first;
    return mainClass == null ? FALLBACK : sanitise(simpleName(mainClass));
  }

  private static String mainClassOfJar(String jarPath) {
    try (JarFile jar = new JarFile(jarPath)) {
      Manifest manifest = jar.getManifest();
      return manifest == null
          ? null
          : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static String simpleName(String className) {
    // A module launch reports "module/pkg.Main".
    String withoutModule = className.substring(className.lastIndexOf('/') + 1);
    return withoutModule.substring(withoutModule.lastIndexOf('.') + 1);
  }

  private static String sanitise(String name) {
    String allowed = name.strip().replaceAll("[^A-Za-z0-9_.-]", "_");
    if (allowed.isEmpty()) {
      return FALLBACK;
    }
    return allowed.length() > MAX_LENGTH ? allowed.substring(0, MAX_LENGTH) : allowed;
  }
}
