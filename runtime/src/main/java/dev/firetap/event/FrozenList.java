package dev.firetap.event;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An immutable JSON array over an array of JSON-shaped values that nothing else holds. */
final class FrozenList extends AbstractList<Object> implements Frozen, RandomAccess {
  private final Object[] items;
  private final int height;

  FrozenList(Object[] items) {
    this.items = items;
    this.height = Frozen.heightOf(items, items.length);
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
