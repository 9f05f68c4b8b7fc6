package dev.firetap.annotation.internal;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed annotation expression such as {@code #order.customer.id}, {@code #p0['key']} or {@code
 * #result.id}: a root (a parameter or the result) followed by property and key steps. Parsed once
 * per method; evaluation is cheap and thread-safe.
 *
 * <pre>
 * expression := '#' root step*
 * root       := name | 'p' digits | digits | 'result'
 * step       := '.' name | '[' ( quoted-string | digits ) ']'
 * </pre>
 *
 * <p>A property step reads a map key, a record component, a getter ({@code getX} or {@code isX}), a
 * public no-argument method of that name or a public field; a key step reads a map key or a list or
 * array element. A null anywhere in the chain makes the whole expression null.
 */
public final class Expression {
  /** The root index that stands for the method's result. */
  static final int RESULT = -1;

  private final String text;
  private final int root;
  private final List<Step> steps;

  Expression(String text, int root, List<Step> steps) {
    this.text = text;
    this.root = root;
    this.steps = List.copyOf(steps);
  }

  /**
   * Parses {@code text} for the method and attribute of {@code site}.
   *
   * @throws ExpressionException when the text is malformed, names no parameter of the method, or
   *     uses {@code #result} on a method that returns nothing; the message names the annotation,
   *     the method, the attribute and the text
   */
  public static Expression parse(String text, Site site) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(site, "site");
    return new ExpressionParser(text, site).parse();
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** Whether the expression starts at {@code #result}. */
  public boolean usesResult() {
    return root == RESULT;
  }

  /**
   * Evaluates the expression over one call.
   *
   * @param arguments the call's arguments
   * @param result the call's result; null when it has none (yet)
   * @return the value; null when any step meets null
   * @throws IllegalStateException when a property does not exist on the value it is read from, or a
   *     getter throws; the message names the expression and the type
   */
  public Object evaluate(Object[] arguments, Object result) {
    Object value = root == RESULT ? result : arguments[root];
    for (Step step : steps) {
      if (value == null) {
        return null;
      }
      value = step.read(value, this);
    }
    return value;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Where an expression is written, for messages: {@code @CaptureChange on
   * OrderService.place(Order): documentId}.
   *
   * @param annotation the annotation, such as {@code @CaptureChange}
   * @param attribute the attribute, such as {@code documentId}
   * @param method the annotated method
   */
  public record Site(String annotation, String attribute, MethodDescription method) {
    /** Checks that no component is null. */
    public Site {
      Objects.requireNonNull(annotation, "annotation");
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(method, "method");
    }

    ExpressionException error(String text, String problem) {
      return new ExpressionException(
          annotation + " on " + method.display() + ": " + attribute + " '" + text + "' " + problem);
    }
  }

  /** One step of the chain after the root. */
  sealed interface Step permits Property, Key {
    Object read(Object value, Expression expression);
  }

  /** {@code .name}: a map key or a property of an object. */
  record Property(String name) implements Step {
    @Override
    public Object read(Object value, Expression expression) {
      if (value instanceof Map<?, ?> map) {
        return map.get(name);
      }
      BeanProperties.Property property =
          BeanProperties.named(value.getClass(), name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "'"
                              + expression.text
                              + "': "
                              + value.getClass().getName()
                              + " has no property '"
                              + name
                              + "'"));
      return property.read(value);
    }
  }

  /** {@code ['key']} or {@code [3]}: a map key, or a list or array element by position. */
  record Key(String key, Integer index) implements Step {
    @Override
    public Object read(Object value, Expression expression) {
      if (value instanceof Map<?, ?> map) {
        return map.containsKey(key) || index == null ? map.get(key) : map.get(index);
      }
      if (index != null && value instanceof List<?> list) {
        return index < list.size() ? list.get(index) : null;
      }
      if (index != null && value.getClass().isArray()) {
        return index < Array.getLength(value) ? Array.get(value, index) : null;
      }
      return new Property(key).read(value, expression);
    }
  }
}
