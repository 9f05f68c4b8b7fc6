package dev.firetap.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link RedisServer} shared by the whole test JVM: started on first use, stopped
 * when the test plan ends, emptied with FLUSHALL before each test and injected into constructor and
 * method parameters of that type.
 *
 * <p>A test may kill or freeze the server: before the next test it is thawed or restarted on the
 * same port.
 */
public final class RedisExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisExtension.class);

  /** Creates the extension; JUnit does this for {@code @ExtendWith} and {@link WithRedis}. */
  public RedisExtension() {}

  /**
   * The server shared by every test of this JVM, started on the first call.
   *
   * @throws IllegalStateException when it does not start, or redis-server is missing on CI
   * @throws org.opentest4j.TestAbortedException when redis-server is missing outside CI
   */
  public static RedisServer sharedServer(ExtensionContext context) {
    // The root store closes AutoCloseable values when the test plan ends (JUnit 5.13 and later).
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(RedisServer.class, type -> RedisServer.start(), RedisServer.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RedisServer server = sharedServer(context);

    if (server.isFrozen()) {
      server.thaw();
    }
    if (!server.isRunning()) {
      server.restart();
    }

    server.flushAll();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sharedServer(context);
  }
}
