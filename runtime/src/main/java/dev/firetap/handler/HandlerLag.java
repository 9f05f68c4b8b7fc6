package dev.firetap.handler;

import java.time.Duration;
import java.util.Objects;

/**
 * How far one handler is behind its stream, over all its workers.
 *
 * @param handlerId the handler
 * @param stream the stream it reads
 * @param pending entries delivered to a worker and not yet acknowledged
 * @param behind entries not yet delivered to any worker (Redis 7 {@code XINFO GROUPS} lag); -1 when
 *     Redis cannot tell, for instance after entries were deleted from the middle of the stream
 * @param oldestPendingAge how long ago the oldest pending entry was added to the stream; zero when
 *     nothing is pending
 * @param lost entries trimmed from the stream while pending, before any worker handled them, as
 *     found by the workers that took them over; each also has a dead letter
 */
public record HandlerLag(
    String handlerId,
    String stream,
    long pending,
    long behind,
    Duration oldestPendingAge,
    long lost) {
  /** Rejects nulls. */
  public HandlerLag {
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(oldestPendingAge, "oldestPendingAge");
  }
}
