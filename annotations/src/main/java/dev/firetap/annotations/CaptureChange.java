package dev.firetap.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Emits one Firetap change event each time the annotated method returns normally, for the document
 * {@code collection/documentId}; a call that throws emits nothing. For a method that returns a
 * {@code CompletableFuture}, {@code CompletionStage} or {@code ApiFuture}, the event is emitted
 * when the future completes successfully, and {@code #result} is the future's value.
 *
 * <p>Attributes other than {@link #collection()} and {@link #operation()} are expressions over the
 * call: {@code #name} (a parameter by name), {@code #p0} or {@code #0} (a parameter by position) or
 * {@code #result}, followed by properties ({@code .customer.id}: a record component, getter, public
 * field or map key) and keys ({@code ['id']}). A null anywhere in the chain gives null. See {@code
 * docs/annotations.md} for the whole language.
 *
 * <pre>{@code
 * @CaptureChange(collection = "orders", operation = ChangeOperation.CREATE,
 *     documentId = "#result.id", after = "#order")
 * Order place(Order order) { ... }
 * }</pre>
 *
 * <p>{@code before} and {@code after} are converted to maps field by field and redacted: {@link
 * Sensitive} fields and fields named like secrets become {@code "***"}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CaptureChange {
  /** The id of the document's collection, such as {@code orders}; not an expression. */
  String collection();

  /** What the method does to the document. */
  ChangeOperation operation();

  /**
   * An expression giving the document id, such as {@code #order.id} or {@code #result.id}; a call
   * for which it gives null emits no event and is reported once as a warning.
   */
  String documentId();

  /**
   * An expression giving the document's fields before the call; empty (the default) means none
   * known, written as an empty object for {@code UPDATE} and {@code DELETE}. Not allowed with
   * {@code CREATE}.
   */
  String before() default "";

  /**
   * An expression giving the document's fields after the call; empty (the default) means none
   * known, written as an empty object for {@code CREATE} and {@code UPDATE}. Not allowed with
   * {@code DELETE}.
   */
  String after() default "";

  /**
   * An expression giving the event's user id; empty (the default) takes it from the logging MDC key
   * {@code firetap.mdc.user-id} ({@code userId} by default).
   */
  String userId() default "";
}
