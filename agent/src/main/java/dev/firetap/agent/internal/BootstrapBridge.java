package dev.firetap.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridges of {@code dev.firetap.agent.bootstrap} on the bootstrap class path.
 *
 * <p>Advice is inlined into {@code FirestoreImpl} and into annotated application methods, so its
 * references resolve from whichever class loader loaded that class, and only classes of the
 * bootstrap class loader are visible from all of them. The bridge's bytes are read from the agent
 * jar as resources, without loading the class, and written to a small jar that is appended to the
 * bootstrap search path; no class of the agent may touch the bridge before this ran, or the system
 * class loader would define a second copy that the advice never sees. Plain JDK code without
 * lambdas or string concatenation, whose first use costs a JVM tens of milliseconds to set up: the
 * JVM's start waits for this class.
 */
final class BootstrapBridge {
  static final String BRIDGE = "dev.firetap.agent.bootstrap.CommitBridge";
  static final String ANNOTATION_BRIDGE = "dev.firetap.agent.bootstrap.AnnotationBridge";
  private static final String[] CLASSES = {
    BRIDGE, BRIDGE + "$Listener", ANNOTATION_BRIDGE, ANNOTATION_BRIDGE + "$Handler"
  };
  private static final int NAME_ATTEMPTS = 100;

  private BootstrapBridge() {}

  /** Injects the bridge classes into the bootstrap class loader. */
  static void inject(Instrumentation instrumentation) throws IOException {
    Path jar = newJarFile();
    jar.toFile().deleteOnExit();
    try (JarOutputStream out =
        new JarOutputStream(Files.newOutputStream(jar, StandardOpenOption.WRITE))) {
      for (String name : CLASSES) {
        String file = name.replace('.', '/').concat(".class");
        out.putNextEntry(new JarEntry(file));
        copyResource(file, out);
        out.closeEntry();
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
  }

  /**
   * A new, empty file in the temporary folder, named by process and time; created exclusively, so
   * that nothing placed there before (a link included) is ever written through.
   */
  private static Path newJarFile() throws IOException {
    Path folder = Path.of(System.getProperty("java.io.tmpdir"));
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      String name =
          new StringBuilder("firetap-bootstrap-")
              .append(pid)
              .append('-')
              .append(System.nanoTime())
              .append(".jar")
              .toString();
      Path file = folder.resolve(name);
      try {
        return Files.createFile(file);
      } catch (FileAlreadyExistsException e) {
        // Another JVM with a recycled pid, at the same nanosecond: try the next name.
      }
    }
    throw new IOException("could not create a bridge jar in ".concat(folder.toString()));
  }

  private static void copyResource(String file, OutputStream out) throws IOException {
    try (InputStream in = BootstrapBridge.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IOException(file.concat(" is missing from the agent jar"));
      }
      in.transferTo(out);
    }
  }
}
