package dev.firetap.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Emits one Firetap log event for each call of the annotated method, or of every method of the
 * annotated type, when the call completes.
 *
 * <p>The event carries the call's duration ({@code durationMs}) and its source ({@code class},
 * {@code method}). A call that throws emits an {@code error}-level event with the exception's type,
 * message and stack, and the exception reaches the caller unchanged. A method that returns a {@code
 * CompletableFuture}, {@code CompletionStage} or {@code ApiFuture} is logged when that future
 * completes; the caller gets the very same future object. Nothing Firetap does here ever throws
 * into the application or changes a result.
 *
 * <p>On a method, this annotation replaces one on its type. It takes effect through AspectJ weaving
 * (compile-time or load-time) or through the Firetap agent; see {@code docs/annotations.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Logged {
  /**
   * The event name; empty (the default) means {@code SimpleClassName.method}, such as {@code
   * OrderService.place}.
   */
  String event() default "";

  /** The level of the event of a call that returns normally; {@link LogLevel#INFO} by default. */
  LogLevel level() default LogLevel.INFO;

  /**
   * Whether the event's {@code data.arguments} holds the arguments, by parameter name, redacted:
   * {@link Sensitive} parameters, fields and map keys named like secrets become {@code "***"}.
   * Parameter names need {@code javac -parameters}; without it they are {@code arg0}, {@code arg1},
   * and so on.
   */
  boolean includeArguments() default false;

  /** Whether the event's {@code data.result} holds the return value, redacted like arguments. */
  boolean includeResult() default false;

  /**
   * An expression giving the event's user id, such as {@code #user.id}; empty (the default) takes
   * it from the logging MDC key {@code firetap.mdc.user-id} ({@code userId} by default).
   *
   * <p>Expressions start with {@code #name} (a parameter by name), {@code #p0} or {@code #0} (a
   * parameter by position) or {@code #result}, followed by properties ({@code .customer.id}: a
   * record component, getter, public field or map key) and keys ({@code ['id']}). A null anywhere
   * in the chain gives null. See {@code docs/annotations.md} for the whole language.
   */
  String userId() default "";
}
