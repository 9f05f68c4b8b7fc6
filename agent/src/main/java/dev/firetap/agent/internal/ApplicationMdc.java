package dev.firetap.agent.internal;

import dev.firetap.annotation.internal.MdcReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The application's SLF4J MDC, which the agent cannot link to: the agent's own SLF4J is relocated.
 * Found by name in the class loader of an annotated class, and read through a method handle.
 */
final class ApplicationMdc {
  // Built at run time: the shade plugin rewrites string constants that name a relocated class.
  private static final String MDC_CLASS = String.join(".", "org", "slf4j", "MDC");

  private ApplicationMdc() {}

  /** The MDC that classes of {@code loader} see; {@link MdcReader#NONE} when they have no SLF4J. */
  static MdcReader of(ClassLoader loader) {
    MethodHandle get = find(loader);
    if (get == null) {
      return MdcReader.NONE;
    }
    return key -> {
      try {
        return (String) get.invokeExact(key);
      } catch (Throwable e) {
        // An MDC adapter that fails is an MDC without values; the call is still reported.
        return null;
      }
    };
  }

  private static MethodHandle find(ClassLoader loader) {
    try {
      Class<?> mdc = Class.forName(MDC_CLASS, false, loader);
      return MethodHandles.publicLookup()
          .findStatic(mdc, "get", MethodType.methodType(String.class, String.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
