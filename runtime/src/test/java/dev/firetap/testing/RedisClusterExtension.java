package dev.firetap.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the tests of a class one {@link RedisCluster}: started before the first test, stopped after
 * the last, with killed nodes restarted and every key deleted before each test, and injected into
 * constructor and method parameters of that type.
 */
public final class RedisClusterExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisClusterExtension.class);

  /** Creates the extension; JUnit does this for {@link WithRedisCluster}. */
  public RedisClusterExtension() {}

  private static RedisCluster cluster(ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    // The class's store closes AutoCloseable values when the class's tests are done.
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(RedisCluster.class, type -> RedisCluster.start(), RedisCluster.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RedisCluster cluster = cluster(context);

    cluster.restartKilled();

    cluster.flushAll();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }
}
