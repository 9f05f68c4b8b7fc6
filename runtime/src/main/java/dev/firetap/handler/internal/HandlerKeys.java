package dev.firetap.handler.internal;

import java.util.Objects;

/**
 * The Redis keys of the handler runtime under one prefix: dead letters {@code <prefix>:dlq:<id>},
 * and per time bucket (see {@link RetentionBuckets}) the hash of completed event ids {@code
 * <prefix>:done:<id>:<bucket>} and the sorted set of handled commit times per document {@code
 * <prefix>:handled:<id>:<bucket>}.
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

  /** The hash whose fields are the event ids the handler completed during one time bucket. */
  public String done(String handlerId, long bucket) {
    return prefix + ":done:" + handlerId + ":" + bucket;
  }

  /** The sorted set of document paths scored by the latest commit time handled in one bucket. */
  public String handled(String handlerId, long bucket) {
    return prefix + ":handled:" + handlerId + ":" + bucket;
  }
}
