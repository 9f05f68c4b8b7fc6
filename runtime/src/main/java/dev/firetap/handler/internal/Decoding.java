package dev.firetap.handler.internal;

/**
 * The outcome of decoding an entry for a handler: the event, or why the entry is not one.
 *
 * @param event the decoded event; null when decoding failed
 * @param failure why decoding failed; null when it succeeded
 */
record Decoding(DecodedEvent event, RuntimeException failure) {
  static Decoding of(StreamEntry entry, HandlerTarget target) {
    if (entry.event() == null) {
      return new Decoding(null, new IllegalArgumentException("stream entry has no 'event' field"));
    }
    try {
      return new Decoding(target.decode(entry.event()), null);
    } catch (RuntimeException e) {
      return new Decoding(null, e);
    }
  }

  /** What orders this entry among others: its event's partition key, or for a failure its id. */
  String partitionKey(StreamEntry entry) {
    return event != null ? event.partitionKey() : entry.id();
  }
}
