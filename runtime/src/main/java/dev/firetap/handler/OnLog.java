package dev.firetap.handler;

import dev.firetap.event.Level;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a log handler, registered by {@link HandlerRuntime.Builder#register(Object)} or
 * found by the worker's class path scan. The method is public and takes {@code (LogEvent)} or
 * {@code (LogEvent, Delivery)}; what it returns is ignored and what it throws is retried.
 *
 * <pre>{@code
 * @OnLog(id = "payment-alerts", level = Level.ERROR, event = "payment.*")
 * public void alert(LogEvent event) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnLog {
  /** The handler's stable id and consumer group name: {@code [A-Za-z0-9_.-]{1,100}}. */
  String id();

  /** The level whose stream {@code <prefix>:logs:<level>} the handler reads. */
  Level level();

  /**
   * The event names the handler runs for, as a glob: {@code *} matches any run of characters,
   * {@code ?} one character. Events with other names are acknowledged unread.
   */
  String event() default "*";
}
