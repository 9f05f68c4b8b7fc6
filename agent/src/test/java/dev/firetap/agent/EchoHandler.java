package dev.firetap.agent;

import dev.firetap.event.EventCodec;
import dev.firetap.event.Level;
import dev.firetap.event.LogEvent;
import dev.firetap.handler.OnLog;

/**
 * The handler of {@link SecretsFlowIT}'s worker: prints every info event it receives whole, so that
 * anything a handler could see also reaches the scanned output.
 */
public final class EchoHandler {
  @OnLog(id = "echo", level = Level.INFO)
  public void handle(LogEvent event) {
    System.out.println("HANDLED " + EventCodec.toJson(event));
  }
}
