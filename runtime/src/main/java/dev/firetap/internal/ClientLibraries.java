package dev.firetap.internal;

/**
 * Which of Google's client libraries Firetap's class loader can see. The runtime recognises their
 * values (Firestore timestamps, blobs, references, {@code ApiFuture}), but the agent bundles the
 * runtime without them and may run in an application that has none: code that names their types
 * asks here first, so that a missing library never surfaces as a {@link NoClassDefFoundError}.
 *
 * <p>Not an API for applications.
 */
public final class ClientLibraries {
  /** Whether the Firestore client and its {@code com.google.cloud.Timestamp} are there. */
  public static final boolean FIRESTORE =
      present("com.google.cloud.firestore.Firestore") && present("com.google.cloud.Timestamp");

  /** Whether Google's {@code ApiFuture} is there. */
  public static final boolean API_FUTURE = present("com.google.api.core.ApiFuture");

  private ClientLibraries() {}

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ClientLibraries.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
