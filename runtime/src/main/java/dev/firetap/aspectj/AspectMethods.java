package dev.firetap.aspectj;

import dev.firetap.annotation.internal.AnnotatedCall;
import dev.firetap.annotation.internal.InterceptedMethod;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The methods the aspect intercepts, each kept by the static part of its join point, which AspectJ
 * makes once per woven method: a call finds its method by identity, without reflection. Kept per
 * declaring class, so that a class loader that goes away takes its entries with it.
 */
final class AspectMethods {
  private static final ClassValue<Map<JoinPoint.StaticPart, InterceptedMethod>> METHODS =
      new ClassValue<>() {
        @Override
        protected Map<JoinPoint.StaticPart, InterceptedMethod> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private AspectMethods() {}

  /** The method of the execution join point {@code staticPart}. */
  static InterceptedMethod of(JoinPoint.StaticPart staticPart) {
    MethodSignature signature = (MethodSignature) staticPart.getSignature();
    Map<JoinPoint.StaticPart, InterceptedMethod> methods =
        METHODS.get(signature.getDeclaringType());
    InterceptedMethod method = methods.get(staticPart);
    if (method == null) {
      method =
          InterceptedMethod.of(
              AnnotatedCall.Interceptor.ASPECTJ,
              signature.getDeclaringType(),
              signature.getMethod());
      methods.put(staticPart, method);
    }
    return method;
  }
}
