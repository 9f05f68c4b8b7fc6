package dev.firetap.worker.scanned.nested;

import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.OnLog;

/**
 * A handler class in a subpackage, which the scan includes; the worker gives it its context, which
 * it prefers to its no-arg constructor.
 */
public class ScannedErrors {
  private final HandlerContext context;

  public ScannedErrors() {
    this(null);
  }

  public ScannedErrors(HandlerContext context) {
    this.context = context;
  }

  public HandlerContext context() {
    return context;
  }

  @OnLog(id = "scanned-errors", level = Level.ERROR)
  public void handle(LogEvent event) {}
}
