package dev.firetap.handler.internal;

import dev.firetap.event.ChangeEvent;
import dev.firetap.event.LogEvent;
import dev.firetap.event.Operation;
import dev.firetap.handler.ChangeHandler;
import dev.firetap.handler.Delivery;
import dev.firetap.handler.LogHandler;
import dev.firetap.handler.OnChange;
import dev.firetap.handler.OnLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/** Finds the {@link OnChange} and {@link OnLog} methods of an object and makes handlers of them. */
public final class AnnotatedHandlers {
  /**
   * One handler found on an object.
   *
   * @param id the id from the annotation
   * @param target what the method handles
   */
  public record Found(String id, HandlerTarget target) {}

  private AnnotatedHandlers() {}

  /** Whether {@code type} declares or inherits a method with either annotation. */
  public static boolean hasHandlers(Class<?> type) {
    return !annotatedMethods(type).isEmpty();
  }

  /**
   * The handlers of {@code bean}, in method name order.
   *
   * @throws IllegalArgumentException if an annotated method is not public, is static, has both
   *     annotations or has another signature than {@code (ChangeEvent[, Delivery])} or {@code
   *     (LogEvent[, Delivery])}, or if the bean has no annotated method
   */
  public static List<Found> of(Object bean) {
    List<Found> found = new ArrayList<>();
    for (Method method : annotatedMethods(bean.getClass())) {
      found.add(handler(bean, method));
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          bean.getClass().getName() + " has no public method annotated @OnChange or @OnLog");
    }
    return found;
  }

  private static List<Method> annotatedMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(OnChange.class) || method.isAnnotationPresent(OnLog.class)) {
          methods.add(method);
        }
      }
    }
    methods.sort(Comparator.comparing(Method::getName));
    return methods;
  }

  private static Found handler(Object bean, Method method) {
    OnChange onChange = method.getAnnotation(OnChange.class);
    OnLog onLog = method.getAnnotation(OnLog.class);
    if (onChange != null && onLog != null) {
      throw invalid(method, "has both @OnChange and @OnLog; a method handles one stream");
    }
    if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
      throw invalid(method, "must be a public instance method");
    }
    // A public method of a class that is not public still needs this to be called reflectively.
    method.trySetAccessible();
    if (onChange != null) {
      ChangeHandler handler = changeHandler(bean, method);
      EnumSet<Operation> ops = EnumSet.noneOf(Operation.class);
      ops.addAll(Arrays.asList(onChange.ops()));
      return new Found(
          onChange.id(), new HandlerTarget.Changes(onChange.collection(), ops, handler));
    }
    LogHandler handler = logHandler(bean, method);
    return new Found(
        onLog.id(),
        new HandlerTarget.Logs(onLog.level(), EventNameGlob.of(onLog.event()), handler));
  }

  private static ChangeHandler changeHandler(Object bean, Method method) {
    boolean withDelivery = takesDelivery(method, ChangeEvent.class);
    return (event, delivery) -> call(bean, method, withDelivery, event, delivery);
  }

  private static LogHandler logHandler(Object bean, Method method) {
    boolean withDelivery = takesDelivery(method, LogEvent.class);
    return (event, delivery) -> call(bean, method, withDelivery, event, delivery);
  }

  private static boolean takesDelivery(Method method, Class<?> eventType) {
    Class<?>[] parameters = method.getParameterTypes();
    if (parameters.length == 1 && parameters[0] == eventType) {
      return false;
    }
    if (parameters.length == 2 && parameters[0] == eventType && parameters[1] == Delivery.class) {
      return true;
    }
    throw invalid(
        method,
        "must take (%s) or (%s, Delivery), takes %s"
            .formatted(
                eventType.getSimpleName(),
                eventType.getSimpleName(),
                Arrays.stream(parameters).map(Class::getSimpleName).toList()));
  }

  private static void call(
      Object bean, Method method, boolean withDelivery, Object event, Delivery delivery)
      throws Exception {
    try {
      if (withDelivery) {
        method.invoke(bean, event, delivery);
      } else {
        method.invoke(bean, event);
      }
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static IllegalArgumentException invalid(Method method, String problem) {
    return new IllegalArgumentException(
        "handler method "
            + method.getDeclaringClass().getName()
            + "."
            + method.getName()
            + " "
            + problem);
  }
}
