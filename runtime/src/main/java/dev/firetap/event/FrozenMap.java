package dev.firetap.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable JSON object: keys and values in two arrays in insertion order, found by scanning the
 * keys while there are few and through a table of positions once there are more. Every decoded
 * event holds several (before, after and every object inside), so they are built in place by a
 * {@link Builder} instead of filling a hash map and wrapping it in another map.
 */
final class FrozenMap extends AbstractMap<String, Object> implements Frozen {
  /** Up to this many keys, comparing each beats hashing the one looked up. */
  private static final int SCANNED_KEYS = 8;

  static final FrozenMap EMPTY = new FrozenMap(new String[0], new Object[0], null);

  private final String[] keys;
  private final Object[] values;

  /** Positions plus one by key hash, open addressing with linear probing; null for few keys. */
  private final int[] positions;

  private final int height;

  private FrozenMap(String[] keys, Object[] values, int[] positions) {
    this.keys = keys;
    this.values = values;
    this.positions = positions;
    this.height = Frozen.heightOf(values, values.length);
  }

  /**
   * The map of these entries, which it takes over; null when a key repeats, for a parser that
   * leaves reporting the repeat to another.
   */
  static FrozenMap ofDistinct(String[] keys, Object[] values) {
    if (keys.length == 0) {
      return EMPTY;
    }
    if (keys.length <= SCANNED_KEYS) {
      for (int i = 1; i < keys.length; i++) {
        if (indexOf(keys, i, null, keys[i]) >= 0) {
          return null;
        }
      }
      return new FrozenMap(keys, values, null);
    }
    int[] positions = new int[Integer.highestOneBit(keys.length * 4)];
    for (int i = 0; i < keys.length; i++) {
      if (!place(positions, keys, i)) {
        return null;
      }
    }
    return new FrozenMap(keys, values, positions);
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(keys, keys.length, positions, key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int index = indexOf(keys, keys.length, positions, key);
    return index < 0 ? null : values[index];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  private final class Entries implements Iterator<Entry<String, Object>> {
    private int next;

    @Override
    public boolean hasNext() {
      return next < keys.length;
    }

    @Override
    public Entry<String, Object> next() {
      if (next >= keys.length) {
        throw new NoSuchElementException();
      }
      Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
      next++;
      return entry;
    }
  }

  /**
   * The position of {@code key} among the first {@code count} keys, or -1. Decoded keys and the
   * literals that look them up are usually the same interned string, so identity is tried first.
   */
  private static int indexOf(String[] keys, int count, int[] positions, Object key) {
    if (positions == null) {
      for (int i = 0; i < count; i++) {
        if (keys[i] == key) {
          return i;
        }
      }
      for (int i = 0; i < count; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }
    if (!(key instanceof String)) {
      return -1;
    }
    int mask = positions.length - 1;
    for (int slot = slot(key, mask); positions[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[positions[slot] - 1].equals(key)) {
        return positions[slot] - 1;
      }
    }
    return -1;
  }

  /** A table at most half full for the first {@code count} keys. */
  private static int[] positions(String[] keys, int count) {
    int[] positions = new int[Integer.highestOneBit(count * 4)];
    for (int i = 0; i < count; i++) {
      place(positions, keys, i);
    }
    return positions;
  }

  /** Enters the key at {@code index} in the table; false, leaving it out, when it repeats. */
  private static boolean place(int[] positions, String[] keys, int index) {
    int mask = positions.length - 1;
    int slot = slot(keys[index], mask);
    while (positions[slot] != 0) {
      if (keys[positions[slot] - 1].equals(keys[index])) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    positions[slot] = index + 1;
    return true;
  }

  private static int slot(Object key, int mask) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & mask;
  }

  /** Collects the entries of one map in order, then {@link #build()} hands them over, once. */
  static final class Builder {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int count;
    private int[] positions;

    /** The position of {@code key} among the entries so far, or -1. */
    int indexOf(String key) {
      return FrozenMap.indexOf(keys, count, positions, key);
    }

    /** Appends an entry whose key {@link #indexOf(String)} did not find. */
    void add(String key, Object value) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      keys[count] = key;
      values[count] = value;
      count++;
      if (count > SCANNED_KEYS && (positions == null || count * 2 > positions.length)) {
        positions = positions(keys, count);
      } else if (positions != null) {
        place(positions, keys, count - 1);
      }
    }

    /** Replaces the value at a position {@link #indexOf(String)} returned. */
    void set(int index, Object value) {
      values[index] = value;
    }

    /** The map of the entries added; the builder is not used after. */
    FrozenMap build() {
      if (count == 0) {
        return EMPTY;
      }
      if (count < keys.length) {
        keys = Arrays.copyOf(keys, count);
        values = Arrays.copyOf(values, count);
      }
      return new FrozenMap(keys, values, positions);
    }
  }
}
