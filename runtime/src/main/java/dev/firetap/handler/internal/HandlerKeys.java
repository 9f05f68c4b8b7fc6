package dev.firetap.handler.internal;

import java.util.Objects;

/**
 * The Redis keys of the handler runtime under one prefix: dead letters {@code <prefix>:dlq:<id>},
 * completion records {@code <prefix>:done:<id>:<eventId>} and handled commit times {@code
 * <prefix>:handled:<id>}.
 */
public record HandlerKeys(String prefix) {
  /** Rejects a null prefix. */
  public HandlerKeys {
    Objects.requireNonNull(prefix, "prefix");
  }

  /** The dead-letter stream of one handler. */
  public String deadLetters(String handlerId) {
    return prefix + ":dlq:" + handlerId;
  }

  /** The key whose presence says that the handler completed the event. */
  public String done(String handlerId, String eventId) {
    return prefix + ":done:" + handlerId + ":" + eventId;
  }

  /** The hash of the latest handled commit time per document path. */
  public String handled(String handlerId) {
    return prefix + ":handled:" + handlerId;
  }
}
