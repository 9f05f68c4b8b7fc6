package dev.firetap.cdc;

/** A real-time subscription to change events; closing it unsubscribes. */
public interface Subscription extends AutoCloseable {
  /** Stops delivering events to the listener. Idempotent; never throws. */
  @Override
  void close();
}
