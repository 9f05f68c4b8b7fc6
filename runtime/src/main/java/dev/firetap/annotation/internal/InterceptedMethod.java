package dev.firetap.annotation.internal;

import dev.firetap.annotation.internal.AnnotatedCall.Interceptor;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * A method as one interceptor reports it: who intercepts it, the method, and where the MDC of its
 * callers is read. An interceptor makes one per method and keeps it, so that a call looks up
 * nothing by name or signature.
 *
 * <p>What the method's annotations ask for is worked out at its first call made while Firetap runs,
 * not before: an invalid annotation is reported only once there is an instance to report to.
 */
public final class InterceptedMethod {
  private final Interceptor interceptor;
  private final Class<?> targetClass;
  private final Method method;
  private final MdcReader mdc;
  // Set at the first call; threads that race there find the same plan in MethodPlan's cache, and
  // the plan's fields are final, so a plain field publishes it safely.
  private MethodPlan plan;

  private InterceptedMethod(
      Interceptor interceptor, Class<?> targetClass, Method method, MdcReader mdc) {
    this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    this.targetClass = Objects.requireNonNull(targetClass, "targetClass");
    this.method = Objects.requireNonNull(method, "method");
    this.mdc = Objects.requireNonNull(mdc, "mdc");
  }

  /**
   * The method {@code method} called on an instance of (or statically in) {@code targetClass},
   * intercepted by {@code interceptor}, whose callers' user id and trace id are read from {@code
   * mdc}.
   */
  public static InterceptedMethod of(
      Interceptor interceptor, Class<?> targetClass, Method method, MdcReader mdc) {
    return new InterceptedMethod(interceptor, targetClass, method, mdc);
  }

  /** Like {@link #of(Interceptor, Class, Method, MdcReader)}, with this library's SLF4J MDC. */
  public static InterceptedMethod of(Interceptor interceptor, Class<?> targetClass, Method method) {
    return of(interceptor, targetClass, method, MdcReader.SLF4J);
  }

  Interceptor interceptor() {
    return interceptor;
  }

  Method method() {
    return method;
  }

  MdcReader mdc() {
    return mdc;
  }

  /** What the annotations ask for; made, or found in the cache, at the first call. */
  MethodPlan plan() {
    MethodPlan current = plan;
    if (current == null) {
      current = MethodPlan.of(targetClass, method);
      plan = current;
    }
    return current;
  }
}
