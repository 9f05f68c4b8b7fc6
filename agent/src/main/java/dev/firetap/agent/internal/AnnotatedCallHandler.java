package dev.firetap.agent.internal;

import dev.firetap.agent.bootstrap.AnnotationBridge;
import dev.firetap.annotation.internal.AnnotatedCall;
import dev.firetap.annotation.internal.InterceptedMethod;
import dev.firetap.annotation.internal.MdcReader;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns what the advice of an annotated method gathers into an {@link AnnotatedCall}: finds the
 * method by the name and descriptor the advice carries as a constant, with the application's MDC of
 * the class loader of the method's class. Both are worked out once per class, so a call makes one
 * look-up.
 */
final class AnnotatedCallHandler implements AnnotationBridge.Handler {
  private static final ClassValue<Map<String, InterceptedMethod>> METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, InterceptedMethod> computeValue(Class<?> type) {
          MdcReader mdc = ApplicationMdc.of(type.getClassLoader());
          Map<String, InterceptedMethod> methods = new HashMap<>();
          for (Method method : type.getDeclaredMethods()) {
            // Interned like the advice's constant, so that the look-up compares by identity.
            methods.put(
                signature(method).intern(),
                InterceptedMethod.of(AnnotatedCall.Interceptor.AGENT, type, method, mdc));
          }
          return methods;
        }
      };

  @Override
  public Object enter(Class<?> type, String method, Object[] arguments, long startNanos) {
    InterceptedMethod target = METHODS.get(type).get(method);
    return target == null ? null : AnnotatedCall.enter(target, arguments, startNanos);
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
