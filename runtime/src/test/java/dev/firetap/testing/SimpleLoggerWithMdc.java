package dev.firetap.testing;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC, for tests of code that reads the MDC (slf4j-simple's own MDC
 * drops every value). Chosen with {@code -Dslf4j.provider=dev.firetap.testing.SimpleLoggerWithMdc}.
 */
public final class SimpleLoggerWithMdc extends SimpleServiceProvider {
  private final MDCAdapter mdc = new BasicMDCAdapter();

  /** Created by SLF4J. */
  public SimpleLoggerWithMdc() {}

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
