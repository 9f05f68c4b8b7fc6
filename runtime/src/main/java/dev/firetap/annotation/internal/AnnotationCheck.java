package dev.firetap.annotation.internal;

import dev.firetap.annotations.CaptureChange;
import dev.firetap.annotations.Logged;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the Firetap annotations of a method without calling it, so that an instrumenting agent can
 * leave a method with an invalid annotation alone and say so once, when its class is loaded.
 */
public final class AnnotationCheck {
  private AnnotationCheck() {}

  /**
   * The first problem of a method's annotations: an expression that cannot be parsed or names
   * something the method does not have, or an invalid collection or side of a change.
   *
   * @param logged the {@code @Logged} that applies to the method (its own, or its type's); null
   *     when none
   * @param capture the method's {@code @CaptureChange}; null when none
   * @param method the method
   * @return the message, naming the annotation, the method, the attribute and the expression; empty
   *     when the annotations are valid
   */
  public static Optional<String> problem(
      Logged logged, CaptureChange capture, MethodDescription method) {
    Objects.requireNonNull(method, "method");
    try {
      MethodPlan.LoggedPlan.of(logged, "", method);
      MethodPlan.ChangePlan.of(capture, method);
      return Optional.empty();
    } catch (ExpressionException e) {
      return Optional.of(e.getMessage());
    }
  }
}
