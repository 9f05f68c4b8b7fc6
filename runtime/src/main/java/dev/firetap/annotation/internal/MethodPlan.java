package dev.firetap.annotation.internal;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.Logged;
import dev.firetap.annotations.Sensitive;
import dev.firetap.event.Level;
import dev.firetap.event.LogSource;
import dev.firetap.event.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the annotations of one method ask for, with every expression parsed: made once per method
 * and cached. An invalid annotation is reported once at WARN and leaves its part out.
 */
final class MethodPlan {
  private static final Logger log = LoggerFactory.getLogger(MethodPlan.class);
  private static final ClassValue<Map<Method, MethodPlan>> PLANS =
      new ClassValue<>() {
        @Override
        protected Map<Method, MethodPlan> computeValue(Class<?> targetClass) {
          return new ConcurrentHashMap<>();
        }
      };

  private final Class<?> targetClass;
  private final Method method;
  private final MethodDescription description;
  private final LogSource source;
  private final boolean[] sensitiveParameters;
  private final LoggedPlan logged;
  private final ChangePlan change;
  private final boolean readsMdcUserId;
  private final boolean mayReturnFuture;
  private final AtomicBoolean warned = new AtomicBoolean();

  private MethodPlan(Class<?> targetClass, Method method) {
    this.targetClass = targetClass;
    this.method = method;
    this.description = MethodDescription.of(method);
    this.source = new LogSource(targetClass.getName(), method.getName());
    this.sensitiveParameters = sensitiveParameters(method);
    String defaultEvent = targetClass.getSimpleName() + "." + method.getName();
    this.logged = parse(() -> LoggedPlan.of(loggedAnnotation(method), defaultEvent, description));
    this.change =
        parse(() -> ChangePlan.of(method.getAnnotation(CaptureChange.class), description));
    this.readsMdcUserId =
        (logged != null && logged.userId() == null) || (change != null && change.userId() == null);
    this.mayReturnFuture = Completion.mayBeFuture(method.getReturnType());
  }

  /**
   * The plan of {@code method}, called on an instance of (or statically in) {@code targetClass}.
   */
  static MethodPlan of(Class<?> targetClass, Method method) {
    return PLANS.get(targetClass).computeIfAbsent(method, key -> new MethodPlan(targetClass, key));
  }

  Class<?> targetClass() {
    return targetClass;
  }

  Method method() {
    return method;
  }

  MethodDescription description() {
    return description;
  }

  /** Where the log event says the call came from: the target class and the method. */
  LogSource source() {
    return source;
  }

  /** The {@code @Logged} part; null when the method is not logged. */
  LoggedPlan logged() {
    return logged;
  }

  /** The {@code @CaptureChange} part; null when the method captures no change. */
  ChangePlan change() {
    return change;
  }

  /** Whether a part takes its user id from the MDC: it has no {@code userId} expression. */
  boolean readsMdcUserId() {
    return readsMdcUserId;
  }

  /** Whether the method's return type admits a future, whose completion would end the call. */
  boolean mayReturnFuture() {
    return mayReturnFuture;
  }

  boolean isEmpty() {
    return logged == null && change == null;
  }

  boolean isSensitiveParameter(int index) {
    return sensitiveParameters[index];
  }

  /** Logs the first problem of this method at WARN; later ones at DEBUG, so logs stay readable. */
  void warnOnce(String problem, Throwable cause) {
    report(description.display() + ": " + problem, cause);
  }

  /** Like {@link #warnOnce}, for a message that names the method itself. */
  private void report(String message, Throwable cause) {
    if (warned.compareAndSet(false, true)) {
      log.warn(
          "{}; the call itself is unaffected, further problems of this method are logged at DEBUG",
          message,
          cause);
    } else {
      log.debug("{}", message, cause);
    }
  }

  private <T> T parse(Supplier<T> part) {
    try {
      return part.get();
    } catch (ExpressionException e) {
      // The message names the annotation, the method and the attribute.
      report(e.getMessage(), null);
      return null;
    }
  }

  /** The method's own {@code @Logged}, else its class's for public methods. */
  private static Logged loggedAnnotation(Method method) {
    Logged own = method.getAnnotation(Logged.class);
    if (own != null) {
      return own;
    }
    boolean eligible = Modifier.isPublic(method.getModifiers()) && !method.isSynthetic();
    return eligible ? method.getDeclaringClass().getAnnotation(Logged.class) : null;
  }

  private static boolean[] sensitiveParameters(Method method) {
    Parameter[] parameters = method.getParameters();
    boolean[] sensitive = new boolean[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      sensitive[i] = parameters[i].isAnnotationPresent(Sensitive.class);
    }
    return sensitive;
  }

  /**
   * The {@code @Logged} part.
   *
   * @param event the event name
   * @param level the level of a call that returns normally
   * @param includeArguments whether {@code data.arguments} is written
   * @param includeResult whether {@code data.result} is written
   * @param userId the user id expression; null for the MDC
   */
  record LoggedPlan(
      String event,
      Level level,
      boolean includeArguments,
      boolean includeResult,
      Expression userId) {

    static LoggedPlan of(Logged logged, String defaultEvent, MethodDescription method) {
      if (logged == null) {
        return null;
      }
      String event = logged.event().isBlank() ? defaultEvent : logged.event();
      Expression userId = optional(logged.userId(), site("@Logged", "userId", method));
      return new LoggedPlan(
          event,
          Level.valueOf(logged.level().name()),
          logged.includeArguments(),
          logged.includeResult() && method.returnsValue(),
          userId);
    }
  }

  /**
   * The {@code @CaptureChange} part.
   *
   * @param collection the collection id
   * @param op the operation
   * @param documentId the document id expression
   * @param before the before expression; null when none
   * @param after the after expression; null when none
   * @param userId the user id expression; null for the MDC
   */
  record ChangePlan(
      String collection,
      Operation op,
      Expression documentId,
      Expression before,
      Expression after,
      Expression userId) {

    static ChangePlan of(CaptureChange capture, MethodDescription method) {
      if (capture == null) {
        return null;
      }
      String collection = capture.collection();
      if (collection.isBlank() || collection.contains("/")) {
        throw site("@CaptureChange", "collection", method)
            .error(collection, "must be a collection id: not blank, without '/'");
      }
      Operation op = Operation.valueOf(capture.operation().name());
      checkSides(capture, op, method);
      return new ChangePlan(
          collection,
          op,
          Expression.parse(capture.documentId(), site("@CaptureChange", "documentId", method)),
          optional(capture.before(), site("@CaptureChange", "before", method)),
          optional(capture.after(), site("@CaptureChange", "after", method)),
          optional(capture.userId(), site("@CaptureChange", "userId", method)));
    }

    private static void checkSides(CaptureChange capture, Operation op, MethodDescription method) {
      if (op == Operation.CREATE && !capture.before().isBlank()) {
        throw site("@CaptureChange", "before", method)
            .error(capture.before(), "is not allowed with CREATE: a new document has no before");
      }
      if (op == Operation.DELETE && !capture.after().isBlank()) {
        throw site("@CaptureChange", "after", method)
            .error(capture.after(), "is not allowed with DELETE: a deleted document has no after");
      }
    }
  }

  private static Expression.Site site(String annotation, String attribute, MethodDescription m) {
    return new Expression.Site(annotation, attribute, m);
  }

  private static Expression optional(String text, Expression.Site site) {
    return text.isBlank() ? null : Expression.parse(text.strip(), site);
  }
}
