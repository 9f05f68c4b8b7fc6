package dev.firetap.handler.internal;

import io.lettuce.core.StreamMessage;

/**
 * One entry read by a handler loop.
 *
 * @param id the entry id
 * @param event the {@code event} field, the event's JSON; null when the entry has none
 * @param attempt how often the group has delivered the entry, this delivery included
 */
record StreamEntry(String id, byte[] event, int attempt) {
  static StreamEntry of(StreamMessage<byte[], byte[]> message, int attempt) {
    byte[] event = message.getBody() == null ? null : Bytes.field(message.getBody(), "event");
    return new StreamEntry(message.getId(), event, attempt);
  }
}
