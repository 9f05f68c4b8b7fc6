package dev.firetap.emit.internal;

import dev.firetap.emit.Emitter;
import dev.firetap.emit.EmitterStats;
import dev.firetap.event.ChangeEvent;
import dev.firetap.event.LogEvent;
import java.time.Duration;
import java.util.Objects;

/** The emitter of {@code firetap.enabled=false}: it accepts nothing and touches nothing. */
public final class DisabledEmitter implements Emitter {
  @Override
  public boolean emit(ChangeEvent event) {
    Objects.requireNonNull(event, "event");
    return false;
  }

  @Override
  public boolean emit(LogEvent event) {
    Objects.requireNonNull(event, "event");
    return false;
  }

  @Override
  public EmitterStats stats() {
    return new EmitterStats(0, 0, 0, 0, 0, false, null, null);
  }

  @Override
  public boolean flush(Duration timeout) {
    return true;
  }

  @Override
  public void close() {}
}
