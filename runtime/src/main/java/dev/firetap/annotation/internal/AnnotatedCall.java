package dev.firetap.annotation.internal;

import dev.firetap.Firetap;
import dev.firetap.config.FiretapConfig;
import dev.firetap.internal.StartingInstance;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
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

  private static final ThreadLocal<Deque<AnnotatedCall>> ACTIVE =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final Interceptor interceptor;
  private final FiretapConfig config;
  // Null while the agent's instance is still starting: the call is reported once it runs.
  private final Firetap firetap;
  private final MethodPlan plan;
  private final Object[] arguments;
  private final long startNanos;
  private final MdcReader mdc;
  private boolean seenByAnotherInterceptor;

  private AnnotatedCall(
      Interceptor interceptor,
      FiretapConfig config,
      Firetap firetap,
      MethodPlan plan,
      Object[] arguments,
      long start,
      MdcReader mdc) {
    this.interceptor = interceptor;
    this.config = config;
    this.firetap = firetap;
    this.plan = plan;
    this.arguments = arguments;
    this.startNanos = start;
    this.mdc = mdc;
  }

  /**
   * Starts reporting a call. Cheap when there is nothing to report.
   *
   * @param interceptor who calls
   * @param targetClass the class the method was called on (its declaring class for static methods)
   * @param method the method
   * @param arguments the call's arguments; not copied, so pass an array the method cannot change
   * @param startNanos {@link System#nanoTime()} at entry
   * @return the call, to {@link #exit} when the method returns or throws; null when there is
   *     nothing to report: no Firetap instance runs ({@link Firetap#global()}) nor is being started
   *     by the agent, the method has no valid annotation, or another interceptor already reports
   *     this very call
   */
  public static AnnotatedCall enter(
      Interceptor interceptor,
      Class<?> targetClass,
      Method method,
      Object[] arguments,
      long startNanos) {
    return enter(interceptor, targetClass, method, arguments, startNanos, MdcReader.SLF4J);
  }

  /**
   * Like {@link #enter(Interceptor, Class, Method, Object[], long)}, reading the user id and trace
   * id from {@code mdc} instead of this library's SLF4J.
   */
  public static AnnotatedCall enter(
      Interceptor interceptor,
      Class<?> targetClass,
      Method method,
      Object[] arguments,
      long startNanos,
      MdcReader mdc) {
    try {
      Firetap firetap = Firetap.global().orElse(null);
      FiretapConfig config =
          firetap != null ? firetap.config() : StartingInstance.config().orElse(null);
      if (config == null || !config.enabled()) {
        return null;
      }
      Deque<AnnotatedCall> active = ACTIVE.get();
      if (claimedByAnother(active.peek(), interceptor, method, arguments)) {
        return null;
      }
      MethodPlan plan = MethodPlan.of(targetClass, method);
      if (plan.isEmpty()) {
        return null;
      }
      AnnotatedCall call =
          new AnnotatedCall(interceptor, config, firetap, plan, arguments, startNanos, mdc);
      active.push(call);
      return call;
    } catch (Throwable e) {
      log.debug("{}: not reported: {}", method, e, e);
      return null;
    }
  }

  /**
   * Ends the call: reports it now, or when the future it returned completes.
   *
   * @param result what the method returned; null when it threw or returns nothing
   * @param thrown what the method threw; null when it returned
   * @param endNanos {@link System#nanoTime()} at exit
   */
  public void exit(Object result, Throwable thrown, long endNanos) {
    try {
      ACTIVE.get().remove(this);
      // The context is read now, on the calling thread; a future may complete on another one.
      CallReport report = CallReport.onThisThread(config, plan, arguments, startNanos, mdc);
      if (thrown == null && Completion.isFuture(result)) {
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
      AnnotatedCall outer, Interceptor interceptor, Method method, Object[] args) {
    if (outer == null
        || outer.interceptor == interceptor
        || outer.seenByAnotherInterceptor
        || !outer.plan.method().equals(method)
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
}
