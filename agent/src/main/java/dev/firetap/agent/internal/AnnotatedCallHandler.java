package dev.firetap.agent.internal;

import dev.firetap.agent.bootstrap.AnnotationBridge;
import dev.firetap.annotation.internal.AnnotatedCall;
import dev.firetap.annotation.internal.MdcReader;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns what the advice of an annotated method gathers into an {@link AnnotatedCall}: finds the
 * {@link Method} by the name and descriptor the advice carries as a constant, and the application's
 * MDC by the class loader of the method's class. Both lookups are cached per class.
 */
final class AnnotatedCallHandler implements AnnotationBridge.Handler {
  private static final ClassValue<Map<String, Method>> METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> methods = new HashMap<>();
          for (Method method : type.getDeclaredMethods()) {
            methods.put(signature(method), method);
          }
          return methods;
        }
      };

  private static final ClassValue<MdcReader> MDC =
      new ClassValue<>() {
        @Override
        protected MdcReader computeValue(Class<?> type) {
          return ApplicationMdc.of(type.getClassLoader());
        }
      };

  @Override
  public Object enter(Class<?> type, String method, Object[] arguments, long startNanos) {
    Method target = METHODS.get(type).get(method);
    if (target == null) {
      return null;
    }
    return AnnotatedCall.enter(
        AnnotatedCall.Interceptor.AGENT, type, target, arguments, startNanos, MDC.get(type));
  }

  @Override
  public void exit(Object call, Object result, Throwable thrown, long endNanos) {
    ((AnnotatedCall) call).exit(result, thrown, endNanos);
  }

  /** The name and descriptor of {@code method}, as Byte Buddy's {@code #m#d} writes them. */
  static String signature(Method method) {
    MethodType type = MethodType.methodType(method.getReturnType(), method.getParameterTypes());
    return method.getName() + type.toMethodDescriptorString();
  }
}
