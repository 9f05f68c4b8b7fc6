package dev.firetap.event;

/**
 * The immutable maps and lists that {@link JsonValues} and the event decoder create, with how deep
 * they nest, so that a value already frozen is taken as it is instead of being walked again.
 */
interface Frozen {
  /** One more than the tallest map or list inside: 1 for one holding only scalars. */
  int height();

  /** The height of a container holding {@code values}: one more than the tallest among them. */
  static int heightOf(Object[] values, int count) {
    int height = 0;
    for (int i = 0; i < count; i++) {
      height = Math.max(height, heightOf(values[i]));
    }
    return height + 1;
  }

  /**
   * The height of a frozen map or list, 0 for anything else. Tested against the two classes, not
   * this interface: a JVM checks an interface by walking the value's list of interfaces (String has
   * five), which a decoder checking every value of every event would pay for.
   */
  static int heightOf(Object value) {
    if (value instanceof FrozenMap map) {
      return map.height();
    }
    return value instanceof FrozenList list ? list.height() : 0;
  }
}
