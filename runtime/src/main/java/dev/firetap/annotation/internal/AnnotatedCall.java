package dev.firetap.annotation.internal;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.internal.StartingInstance;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a method annotated with {@code @Logged} or {@code @CaptureChange}, from entry to
 * completion. This is all an interceptor (an AspectJ aspect or an agent advice) calls: {@link
 * #enter} before the method body and {@link #exit} after it. Neither ever throws, and neither
 * changes what the method returns or throws.
 *
 * <p>When two interceptors wrap the same method (the agent and a woven aspect), the inner one's
 * {@link #enter} sees the outer one's call on this thread, for the same method and the same
 * arguments, and returns null, so each call is reported once.
 */
public final class AnnotatedCall {
  /** Who intercepts a call; two different ones on the same invocation report it once. */
  public enum Interceptor {
    /** The Firetap agent's advice. */
    AGENT,
    /** The AspectJ aspect {@code dev.firetap.aspectj.FiretapAspects}. */
    ASPECTJ
  }

  private static final Logger log = LoggerFactory.getLogger(AnnotatedCall.class);

  private static final ThreadLocal<CallStack> ACTIVE = ThreadLocal.withInitial(CallStack::new);

  private final InterceptedMethod method;
  private final FiretapConfig config;
  // Null while the agent's instance is still starting: the call is reported once it runs.
  private final Firetap firetap;
  private final MethodPlan plan;
  private final Object[] arguments;
  private final long startNanos;
  private final CallStack stack;
  private final AnnotatedCall outer;
  private boolean seenByAnotherInterceptor;

  private AnnotatedCall(
      InterceptedMethod method,
      FiretapConfig config,
      Firetap firetap,
      MethodPlan plan,
      Object[] arguments,
      long start,
      CallStack stack) {
    this.method = method;
    this.config = config;
    this.firetap = firetap;
    this.plan = plan;
    this.arguments = arguments;
    this.startNanos = start;
    this.stack = stack;
    this.outer = stack.innermost;
  }

  /**
   * Starts reporting a call. Cheap when there is nothing to report.
   *
   * @param method the method called, as its interceptor keeps it
   * @param arguments the call's arguments; not copied, so pass an array the method cannot change
   * @param startNanos {@link System#nanoTime()} at entry
   * @return the call, to {@link #exit} when the method returns or throws, on this thread; null when
   *     there is nothing to report: no Firetap instance runs ({@link Firetap#global()}) nor is
   *     being started by the agent, the method has no valid annotation, or another interceptor
   *     already reports this very call
   */
  public static AnnotatedCall enter(InterceptedMethod method, Object[] arguments, long startNanos) {
    try {
      Firetap firetap = Firetap.global().orElse(null);
      FiretapConfig config =
          firetap != null ? firetap.config() : StartingInstance.config().orElse(null);
      if (config == null || !config.enabled()) {
        return null;
      }
      CallStack stack = ACTIVE.get();
      if (claimedByAnother(stack.innermost, method, arguments)) {
        return null;
      }
      MethodPlan plan = method.plan();
      if (plan.isEmpty()) {
        return null;
      }
      AnnotatedCall call =
          new AnnotatedCall(method, config, firetap, plan, arguments, startNanos, stack);
      stack.innermost = call;
      return call;
    } catch (Throwable e) {
      log.debug("{}: not reported: {}", method.method(), e, e);
      return null;
    }
  }

  /**
   * Ends the call: reports it now, or when the future it returned completes. Called on the thread
   * that entered it.
   *
   * @param result what the method returned; null when it threw or returns nothing
   * @param thrown what the method threw; null when it returned
   * @param endNanos {@link System#nanoTime()} at exit
   */
  public void exit(Object result, Throwable thrown, long endNanos) {
    try {
      stack.remove(this);
      // The context is read now, on the calling thread; a future may complete on another one.
      CallReport report =
          CallReport.onThisThread(config, plan, arguments, startNanos, method.mdc());
      if (thrown == null && plan.mayReturnFuture() && Completion.isFuture(result)) {
        Completion.whenDone(result, (value, failure) -> finish(report, value, failure, now()));
      } else {
        finish(report, result, thrown, endNanos);
      }
    } catch (Throwable e) {
      plan.warnOnce("could not report the call: " + e, e);
    }
  }

  private void finish(CallReport report, Object result, Throwable thrown, long endNanos) {
    if (firetap != null) {
      report.finish(firetap, result, thrown, endNanos);
    } else {
      StartingInstance.whenStarted(started -> report.finish(started, result, thrown, endNanos));
    }
  }

  private static long now() {
    return System.nanoTime();
  }

  private static boolean claimedByAnother(
      AnnotatedCall outer, InterceptedMethod method, Object[] args) {
    if (outer == null
        || outer.method.interceptor() == method.interceptor()
        || outer.seenByAnotherInterceptor
        || !outer.method.method().equals(method.method())
        || !sameArguments(outer.arguments, args)) {
      return false;
    }
    outer.seenByAnotherInterceptor = true;
    return true;
  }

  private static boolean sameArguments(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i] && !(a[i] != null && isBoxed(a[i]) && Objects.equals(a[i], b[i]))) {
        return false;
      }
    }
    return true;
  }

  /** Primitive arguments are boxed anew by each interceptor, so they compare by value. */
  private static boolean isBoxed(Object value) {
    return value instanceof Number || value instanceof Boolean || value instanceof Character;
  }

  /**
   * The calls being reported on one thread, innermost first, linked through {@link #outer}: entry
   * reads the thread's stack once, and exit finds it in the call.
   */
  private static final class CallStack {
    private AnnotatedCall innermost;

    /** Takes {@code call} off, with any call inside it whose exit never came. */
    void remove(AnnotatedCall call) {
      for (AnnotatedCall current = innermost; current != null; current = current.outer) {
        if (current == call) {
          innermost = call.outer;
          return;
        }
      }
    }
  }
}
