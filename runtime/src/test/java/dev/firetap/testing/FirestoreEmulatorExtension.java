package dev.firetap.testing;

import com.google.cloud.firestore.Firestore;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link FirestoreEmulator} shared by the whole test JVM: started on first use,
 * stopped when the test plan ends, and wiped before each test ({@link
 * FirestoreEmulator#resetAll()}).
 *
 * <p>Injects constructor and method parameters of type {@link FirestoreEmulator}, and of type
 * {@link Firestore}: a client for {@link FirestoreEmulator#DEFAULT_PROJECT_ID}, closed when the
 * test (or, for constructor parameters, the test class) ends.
 */
public final class FirestoreEmulatorExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FirestoreEmulatorExtension.class);

  /**
   * Creates the extension; JUnit does this for {@code @ExtendWith} and {@link
   * WithFirestoreEmulator}.
   */
  public FirestoreEmulatorExtension() {}

  /**
   * The emulator shared by every test of this JVM, started on the first call, and again if a test
   * stopped it.
   *
   * @throws IllegalStateException when it does not start, or the emulator is missing on CI
   * @throws org.opentest4j.TestAbortedException when the emulator is missing outside CI
   */
  public static FirestoreEmulator sharedEmulator(ExtensionContext context) {
    // The root store closes AutoCloseable values when the test plan ends (JUnit 5.13 and later).
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    FirestoreEmulator emulator = getOrStart(store);
    if (emulator.isRunning()) {
      return emulator;
    }
    store.remove(FirestoreEmulator.class);
    return getOrStart(store);
  }

  private static FirestoreEmulator getOrStart(ExtensionContext.Store store) {
    return store.getOrComputeIfAbsent(
        FirestoreEmulator.class, type -> FirestoreEmulator.start(), FirestoreEmulator.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sharedEmulator(context).resetAll();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FirestoreEmulator.class || type == Firestore.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FirestoreEmulator emulator = sharedEmulator(context);
    if (parameter.getParameter().getType() == FirestoreEmulator.class) {
      return emulator;
    }
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Firestore.class,
            type -> emulator.client(FirestoreEmulator.DEFAULT_PROJECT_ID),
            Firestore.class);
  }
}
