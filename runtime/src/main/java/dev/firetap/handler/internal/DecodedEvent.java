package dev.firetap.handler.internal;

import dev.firetap.handler.Delivery;

/**
 * One stream entry decoded for one handler: the fields that route it, read by the reader, and the
 * rest of the event, decoded by the thread that runs it.
 *
 * @param eventId the event's id, the key of duplicate detection
 * @param partitionKey what orders events within a worker: the document path or the log event name
 * @param documentPath the document path of a change event; null for log events
 * @param commitMicros the commit time of a change event in microseconds; 0 for log events
 * @param wanted false when the handler's operation or name filter excludes the event
 * @param body decodes the whole event, ready to run the handler on it
 */
public record DecodedEvent(
    String eventId,
    String partitionKey,
    String documentPath,
    long commitMicros,
    boolean wanted,
    Body body) {
  /** Decodes the whole event. */
  @FunctionalInterface
  public interface Body {
    /**
     * Decodes it and returns how to run the handler on it.
     *
     * @throws dev.firetap.event.EventFormatException when the event is not valid
     */
    Invocation decode();
  }

  /** Runs the application's handler for one delivery. */
  @FunctionalInterface
  public interface Invocation {
    /** Runs it; whatever it throws is a handler failure. */
    void run(Delivery delivery) throws Exception;
  }
}
