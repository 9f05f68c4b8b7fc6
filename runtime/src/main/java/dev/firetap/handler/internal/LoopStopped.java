package dev.firetap.handler.internal;

/**
 * Thrown inside a handler loop when it stops while waiting for Redis or a retry: the entry stays
 * pending, to be taken over by another consumer.
 */
final class LoopStopped extends RuntimeException {
  LoopStopped() {
    super("handler loop stopped", null, false, false);
  }
}
