package dev.firetap.benchmarks.annotations.woven;

import dev.firetap.annotations.Logged;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The same method as {@code LoggedTarget}, in the one package that ajc weaves at build time with
 * firetap-runtime's aspect.
 */
public class WovenLoggedTarget {
  /** Created by the benchmark. */
  public WovenLoggedTarget() {}

  /** A logged call without arguments or result in its event; never inlined, in every variant. */
  @Logged(event = "bench.call")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public int call(int value) {
    return value + 1;
  }
}
