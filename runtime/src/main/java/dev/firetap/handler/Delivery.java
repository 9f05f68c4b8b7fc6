package dev.firetap.handler;

import java.util.Objects;

/**
 * How one event reached a handler.
 *
 * @param handlerId the id of the handler, which is also its consumer group's name
 * @param stream the stream the event was read from, such as {@code firetap:cdc:orders}
 * @param entryId the id of the stream entry, such as {@code 1718000000000-0}
 * @param attempt 1 on the first delivery, then one more for each retry or redelivery
 * @param stale true when a change event of the same document with a later commit time was already
 *     handled by this handler (in any worker); the handler may skip a stale event. Always false for
 *     log events.
 */
public record Delivery(
    String handlerId, String stream, String entryId, int attempt, boolean stale) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if handlerId, stream or entryId is null
   * @throws IllegalArgumentException if attempt is below 1
   */
  public Delivery {
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(entryId, "entryId");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more, got " + attempt);
    }
  }
}
