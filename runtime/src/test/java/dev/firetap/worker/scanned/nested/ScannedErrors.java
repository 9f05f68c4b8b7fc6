package dev.firetap.worker.scanned.nested;

import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.handler.OnLog;

/** A handler class in a subpackage, which the scan includes. */
public class ScannedErrors {
  @OnLog(id = "scanned-errors", level = Level.ERROR)
  public void handle(LogEvent event) {}
}
