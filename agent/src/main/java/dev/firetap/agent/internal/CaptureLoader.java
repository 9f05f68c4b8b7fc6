package dev.firetap.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * The class loader of the capture code for one Firestore client: it defines the classes of {@code
 * dev.firetap.agent.internal.capture} itself, from the agent jar's bytes, and resolves the client
 * and its libraries (gax, gRPC, protobuf) from the class loader that defined the client; everything
 * else (Firetap's runtime, the agent's relocated libraries, the JDK) from the agent's own loader.
 *
 * <p>The capture code thereby links against whichever client the application loaded, from the class
 * path, a Spring Boot fat jar or a web application, while the Firetap instance, its emitter and the
 * capture thread stay one per process.
 */
final class CaptureLoader extends ClassLoader {
  static final String CAPTURE_PACKAGE = "dev.firetap.agent.internal.capture";
  private static final List<String> CLIENT_PACKAGES =
      List.of("com.google.", "io.grpc.", "io.opencensus.", "io.perfmark.", "org.threeten.");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader client;
  private final ClassLoader agent;
  private final ProtectionDomain domain;

  /** A loader for the capture code of the client that {@code client} defines. */
  CaptureLoader(ClassLoader client) {
    super("firetap-capture", null);
    this.client = client;
    this.agent = CaptureLoader.class.getClassLoader();
    this.domain = CaptureLoader.class.getProtectionDomain();
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        type = isCaptureCode(name) ? define(name) : delegateOf(name).loadClass(name);
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  private static boolean isCaptureCode(String name) {
    return name.lastIndexOf('.') == CAPTURE_PACKAGE.length() && name.startsWith(CAPTURE_PACKAGE);
  }

  private ClassLoader delegateOf(String name) {
    for (String prefix : CLIENT_PACKAGES) {
      if (name.startsWith(prefix)) {
        return client;
      }
    }
    return agent;
  }

  private Class<?> define(String name) throws ClassNotFoundException {
    String file = name.replace('.', '/') + ".class";
    try (InputStream in = agent.getResourceAsStream(file)) {
      if (in == null) {
        throw new ClassNotFoundException(name + " is missing from the agent jar");
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length, domain);
    } catch (IOException e) {
      throw new ClassNotFoundException("reading " + file + " from the agent jar failed", e);
    }
  }

  @Override
  public String toString() {
    return "firetap-capture for " + client;
  }
}
