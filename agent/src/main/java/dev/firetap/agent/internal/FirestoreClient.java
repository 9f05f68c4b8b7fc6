package dev.firetap.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent needs to know about a Firestore client before instrumenting it: its version, and
 * whether every member the capture code uses is there. Checked per class loader that defines the
 * client, from class files, without loading any class.
 */
final class FirestoreClient {
  private static final Logger log = LoggerFactory.getLogger(FirestoreClient.class);
  private static final String IMPL_CLASS_FILE = "com/google/cloud/firestore/FirestoreImpl.class";
  private static final String POM_PROPERTIES =
      "META-INF/maven/com.google.cloud/google-cloud-firestore/pom.properties";
  private static final String PROTO = "com.google.firestore.v1.";
  private static final String CLIENT = "com.google.cloud.firestore.";

  /** Type, then the methods of it that the agent calls or instruments. */
  private static final List<List<String>> REQUIRED_MEMBERS =
      List.of(
          List.of(CLIENT + "FirestoreImpl", "sendRequest"),
          List.of(CLIENT + "Firestore", "runAsyncTransaction", "document"),
          List.of(CLIENT + "Transaction", "getAll"),
          List.of(CLIENT + "TransactionOptions", "createReadOnlyOptionsBuilder"),
          List.of(CLIENT + "TransactionOptions$ReadOnlyOptionsBuilder", "setReadTime"),
          List.of(PROTO + "CommitRequest", "getWritesList", "getTransaction"),
          List.of(PROTO + "CommitResponse", "getWriteResultsList", "getCommitTime"),
          List.of(PROTO + "BatchWriteRequest", "getWritesList"),
          List.of(PROTO + "BatchWriteResponse", "getWriteResultsList", "getStatusList"),
          List.of(
              PROTO + "Write",
              "getOperationCase",
              "getUpdate",
              "getDelete",
              "getUpdateMask",
              "getUpdateTransformsList",
              "getCurrentDocument"),
          List.of(PROTO + "WriteResult", "getUpdateTime", "getTransformResultsList"));

  private static final Map<ClassLoader, Boolean> SUPPORTED = new WeakHashMap<>();

  private FirestoreClient() {}

  /** The version of the client that {@code loader} would load; empty when it has none. */
  static Optional<String> versionOn(ClassLoader loader) {
    URL implementation = loader.getResource(IMPL_CLASS_FILE);
    if (implementation == null) {
      return Optional.empty();
    }
    String url = implementation.toString();
    int inJar = url.lastIndexOf("!/");
    try {
      URL properties =
          inJar < 0
              ? loader.getResource(POM_PROPERTIES)
              : new URL(url.substring(0, inJar + 2) + POM_PROPERTIES);
      return Optional.of(properties == null ? "of unknown version" : read(properties));
    } catch (IOException e) {
      return Optional.of("of unknown version");
    }
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "of unknown version");
    }
  }

  /**
   * Whether the client that {@code loader} defines can be instrumented; logs one WARN naming the
   * reason when not, else one INFO. Decided once per class loader.
   */
  static boolean isSupported(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    synchronized (SUPPORTED) {
      return SUPPORTED.computeIfAbsent(loader, FirestoreClient::check);
    }
  }

  private static boolean check(ClassLoader loader) {
    String version = versionOn(loader).orElse("of unknown version");
    List<String> missing = missingMembers(loader);
    if (!missing.isEmpty()) {
      log.warn(
          "Firestore client {} on {} lacks what the agent relies on ({}); its writes are not"
              + " captured",
          version,
          where(loader),
          String.join(", ", missing));
      return false;
    }
    log.info("Firestore client {} found on {}: capturing its writes", version, where(loader));
    return true;
  }

  /** The class loader as a reader knows it: the class path, or the loader itself. */
  static String where(ClassLoader loader) {
    return loader == ClassLoader.getSystemClassLoader() ? "the class path" : loader.toString();
  }

  static List<String> missingMembers(ClassLoader loader) {
    TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(loader));
    List<String> missing = new ArrayList<>();
    for (List<String> required : REQUIRED_MEMBERS) {
      TypePool.Resolution resolution = pool.describe(required.get(0));
      if (!resolution.isResolved()) {
        missing.add("class " + required.get(0));
        continue;
      }
      TypeDescription type = resolution.resolve();
      for (String method : required.subList(1, required.size())) {
        if (type.getDeclaredMethods().filter(named(method)).isEmpty()) {
          missing.add(type.getSimpleName() + "." + method + "()");
        }
      }
    }
    if (missing.isEmpty()
        && pool.describe(CLIENT + "FirestoreImpl")
            .resolve()
            .getDeclaredMethods()
            .filter(FirestoreInstrumentation.sendRequest())
            .isEmpty()) {
      missing.add("FirestoreImpl.sendRequest(Object, UnaryCallable) returning ApiFuture");
    }
    return missing;
  }
}
