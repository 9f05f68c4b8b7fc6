package dev.firetap.it.aspectj;

import dev.firetap.annotations.Logged;

/** Logged as a whole: each public method emits an event, private ones do not. */
@Logged
public class InventoryService {
  /** Reserves stock. */
  public int reserve(String sku, int count) {
    return remaining(count);
  }

  private int remaining(int count) {
    return 10 - count;
  }
}
