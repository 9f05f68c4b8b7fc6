package dev.firetap.benchmarks.annotations;

import dev.firetap.annotations.Logged;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The method whose cost per call the annotation benchmark measures: plain when nothing instruments
 * it, instrumented in a JVM with the Firetap agent.
 */
public class LoggedTarget {
  /** Created by the benchmark. */
  public LoggedTarget() {}

  /** A logged call without arguments or result in its event; never inlined, in every variant. */
  @Logged(event = "bench.call")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public int call(int value) {
    return value + 1;
  }
}
