package dev.firetap.emit;

/**
 * The emitter's counters over JMX, registered as {@code
 * dev.firetap:type=Emitter,service=<service>}. Each attribute has the meaning of the {@link
 * EmitterStats} component of the same name.
 */
public interface EmitterMXBean {
  /** See {@link EmitterStats#emitted()}. */
  long getEmitted();

  /** See {@link EmitterStats#queued()}. */
  long getQueued();

  /** See {@link EmitterStats#spooled()}. */
  long getSpooled();

  /** See {@link EmitterStats#spoolBytes()}. */
  long getSpoolBytes();

  /** See {@link EmitterStats#dropped()}. */
  long getDropped();

  /** See {@link EmitterStats#connected()}. */
  boolean isConnected();

  /** See {@link EmitterStats#lastError()}; empty when there was none. */
  String getLastError();
}
