package dev.firetap.handler;

import java.time.Instant;
import java.util.Objects;

/**
 * An event a handler gave up on, kept in its dead-letter stream {@code <prefix>:dlq:<handlerId>}
 * until it is replayed with {@link HandlerRuntime#replay}; or the record of an entry trimmed from
 * its stream before the handler handled it, which has no event to replay.
 *
 * @param id the entry id in the dead-letter stream, the id to replay it by
 * @param handlerId the handler that failed
 * @param stream the stream the event was read from
 * @param entryId the id the event had in that stream
 * @param event the original event JSON, as read (empty when the entry had no event field or was
 *     trimmed)
 * @param error the failure as {@code type: message}; for an undecodable entry, why it is not an
 *     event
 * @param stack the failure's stack trace, at most 16 KB
 * @param attempts how often the handler ran the event; 0 when it could not be decoded or was
 *     trimmed
 * @param failedAt when the event was moved to the dead-letter stream
 * @param trimmed true when the entry was trimmed from its stream by the stream's length cap while
 *     it was pending, before the handler handled it: the event is lost, and replay skips the letter
 */
public record DeadLetter(
    String id,
    String handlerId,
    String stream,
    String entryId,
    String event,
    String error,
    String stack,
    int attempts,
    Instant failedAt,
    boolean trimmed) {
  /** Rejects nulls. */
  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}
