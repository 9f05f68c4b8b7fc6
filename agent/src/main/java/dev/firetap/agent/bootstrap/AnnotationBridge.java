package dev.firetap.agent.bootstrap;

/**
 * The one class that advice inlined into methods annotated {@code @Logged} or
 * {@code @CaptureChange} calls. Like {@link CommitBridge} it lives on the bootstrap class path, so
 * that application classes of any class loader resolve it, and it uses JDK types only.
 *
 * <p>Not an API for applications.
 */
public final class AnnotationBridge {
  private static volatile Handler handler;

  private AnnotationBridge() {}

  /** Reports the calls of annotated methods. */
  public interface Handler {
    /**
     * Called on entry to an annotated method.
     *
     * @param type the class that declares the method
     * @param method the method's name and descriptor, such as {@code place(Ljava/lang/String;)V}
     * @param arguments the call's arguments
     * @param startNanos {@link System#nanoTime()} at entry
     * @return the call, for {@link #exit}; null when there is nothing to report
     */
    Object enter(Class<?> type, String method, Object[] arguments, long startNanos);

    /**
     * Called when the method returned or threw.
     *
     * @param call what {@link #enter} returned, never null
     * @param result what the method returned; null when it threw or returns nothing
     * @param thrown what the method threw; null when it returned
     * @param endNanos {@link System#nanoTime()} at exit
     */
    void exit(Object call, Object result, Throwable thrown, long endNanos);
  }

  /** Makes {@code handler} receive every call from now on; null stops delivery. */
  public static void register(Handler handler) {
    AnnotationBridge.handler = handler;
  }

  /** Hands an entry to the registered handler; null when there is none. */
  public static Object enter(Class<?> type, String method, Object[] arguments, long startNanos) {
    Handler current = handler;
    return current == null ? null : current.enter(type, method, arguments, startNanos);
  }

  /** Hands an exit to the registered handler; does nothing when {@code call} is null. */
  public static void exit(Object call, Object result, Throwable thrown, long endNanos) {
    Handler current = handler;
    if (call != null && current != null) {
      current.exit(call, result, thrown, endNanos);
    }
  }
}
