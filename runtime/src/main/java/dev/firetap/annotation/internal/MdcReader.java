package dev.firetap.annotation.internal;

import org.slf4j.MDC;

/**
 * Reads the logging MDC of the application on the current thread, where annotated calls find the
 * user id and trace id. The aspect reads it through SLF4J directly; the agent, whose SLF4J is
 * relocated, reads the application's own copy.
 */
@FunctionalInterface
public interface MdcReader {
  /** The MDC of the SLF4J that this library is linked against. */
  MdcReader SLF4J = MDC::get;

  /** Never reads anything: for an application without SLF4J. */
  MdcReader NONE = key -> null;

  /**
   * The value of {@code key} on the current thread.
   *
   * @return the value; null when there is none
   */
  String get(String key);
}
