package dev.firetap.handler;

import dev.firetap.event.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a change handler, registered by {@link HandlerRuntime.Builder#register(Object)}
 * or found by the worker's class path scan. The method is public and takes {@code (ChangeEvent)} or
 * {@code (ChangeEvent, Delivery)}; what it returns is ignored and what it throws is retried.
 *
 * <pre>{@code
 * @OnChange(id = "order-emails", collection = "orders", ops = Operation.CREATE)
 * public void sendConfirmation(ChangeEvent event) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnChange {
  /** The handler's stable id and consumer group name: {@code [A-Za-z0-9_.-]{1,100}}. */
  String id();

  /** The collection id whose stream {@code <prefix>:cdc:<collection>} the handler reads. */
  String collection();

  /** The operations the handler runs for; events of other operations are acknowledged unread. */
  Operation[] ops() default {Operation.CREATE, Operation.UPDATE, Operation.DELETE};
}
