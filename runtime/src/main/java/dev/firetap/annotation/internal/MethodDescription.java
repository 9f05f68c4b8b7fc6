package dev.firetap.annotation.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * What expressions need to know about an annotated method: how to name it in messages, its
 * parameter names and whether it returns a value.
 *
 * @param display the method as messages show it, such as {@code OrderService.place(Order)}
 * @param parameterNames the parameter names in order; {@code arg0}, {@code arg1} and so on when the
 *     class was compiled without {@code -parameters}
 * @param returnsValue false for a {@code void} method, and for one returning {@code
 *     CompletableFuture<Void>} or a similar future of nothing
 */
public record MethodDescription(String display, List<String> parameterNames, boolean returnsValue) {

  /** Copies the parameter names. */
  public MethodDescription {
    Objects.requireNonNull(display, "display");
    parameterNames = List.copyOf(parameterNames);
  }

  /** Describes {@code method}. */
  public static MethodDescription of(Method method) {
    Objects.requireNonNull(method, "method");
    String types =
        Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
    String display =
        method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + types + ")";
    List<String> names = Arrays.stream(method.getParameters()).map(Parameter::getName).toList();
    return new MethodDescription(display, names, returnsValue(method));
  }

  private static boolean returnsValue(Method method) {
    Class<?> type = method.getReturnType();
    if (type == void.class || type == Void.class) {
      return false;
    }
    boolean future =
        CompletionStage.class.isAssignableFrom(type)
            || type.getName().equals("com.google.api.core.ApiFuture");
    return !future || !method.getGenericReturnType().getTypeName().endsWith("<java.lang.Void>");
  }
}
