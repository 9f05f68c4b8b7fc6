package dev.firetap.worker.scanned;

import dev.firetap.event.ChangeEvent;
import dev.firetap.handler.OnChange;

/** A handler class found by the worker's package scan. */
public class ScannedOrders {
  @OnChange(id = "scanned-orders", collection = "orders")
  public void handle(ChangeEvent event) {}
}
