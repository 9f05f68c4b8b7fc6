package dev.firetap.annotation.internal;

/**
 * An expression of a Firetap annotation that cannot be parsed or names something the method does
 * not have; the message names the annotation, the method, the attribute and the expression.
 */
public final class ExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ExpressionException(String message) {
    super(message);
  }
}
