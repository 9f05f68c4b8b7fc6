package dev.firetap.event;

import java.util.Objects;

/**
 * Where a change event sits within its commit: every change event of one commit shares {@code id},
 * {@code size} is how many change events the commit produced, and {@code index} runs from 0 to
 * {@code size - 1}.
 *
 * @param id the commit's id, shared by all of its change events
 * @param size the number of change events of the commit, at least 1
 * @param index the position of this event within the commit, {@code 0 <= index < size}
 */
public record Transaction(String id, int size, int index) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if {@code size < 1} or {@code index} is outside {@code
   *     0..size-1}
   */
  public Transaction {
    Objects.requireNonNull(id, "id");
    if (size < 1) {
      throw new IllegalArgumentException("tx.size must be at least 1, got " + size);
    }
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "tx.index must be between 0 and tx.size - 1 = " + (size - 1) + ", got " + index);
    }
  }

  /** Returns the transaction of a commit that changed exactly one document. */
  public static Transaction single(String id) {
    return new Transaction(id, 1, 0);
  }
}
