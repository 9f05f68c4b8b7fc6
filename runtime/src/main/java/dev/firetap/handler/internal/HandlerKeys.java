package dev.firetap.handler.internal;

import java.util.Objects;

/**
 * The Redis keys of the handler runtime under one prefix: dead letters {@code <prefix>:dlq:<id>},
 * and per time bucket (see {@link RetentionBuckets}) the hash of completed event ids {@code
 * <prefix>:done:<id>:<bucket>} and the sorted set of handled commit times per document {@code
 * <prefix>:handled:<id>:<bucket>}, and the hash {@code <prefix>:lost:<id>} counting per stream the
 * entries trimmed from it while pending.
 *
 * <p>In a cluster, a handler writes these keys atomically with the XACK on its stream, which needs
 * every key in the stream's slot; so there each key carries the stream as its hash tag and a
 * handler has one of each per stream: {@code <prefix>:dlq:{<stream>}:<id>}, {@code
 * <prefix>:done:{<stream>}:<id>:<bucket>}, {@code <prefix>:handled:{<stream>}:<id>:<bucket>} and
 * {@code <prefix>:lost:{<stream>}:<id>}. A document's events all go to one stream, so its records
 * are all found there.
 *
 * @param prefix the first segment of every key
 * @param cluster whether Redis is a cluster
 */
public record HandlerKeys(String prefix, boolean cluster) {
  /** Rejects a null prefix. */
  public HandlerKeys {
    Objects.requireNonNull(prefix, "prefix");
  }

  /** The keys of a handler runtime on one Redis server. */
  public HandlerKeys(String prefix) {
    this(prefix, false);
  }

  /** The dead-letter stream of one handler for entries of {@code stream}. */
  public String deadLetters(String stream, String handlerId) {
    return prefix + ":dlq:" + tag(stream) + handlerId;
  }

  /** The SCAN pattern of the dead-letter streams of one handler, {@code *} for every handler. */
  public String deadLetterPattern(String handlerId) {
    return prefix + ":dlq:" + (cluster ? "{*}:" : "") + handlerId;
  }

  /** The handler id of a dead-letter stream. */
  public String handlerOfDeadLetters(String key) {
    return cluster
        ? key.substring(key.lastIndexOf("}:") + 2)
        : key.substring(prefix.length() + ":dlq:".length());
  }

  /**
   * The hash whose fields are the event ids of {@code stream} the handler completed in a bucket.
   */
  public String done(String stream, String handlerId, long bucket) {
    return prefix + ":done:" + tag(stream) + handlerId + ":" + bucket;
  }

  /** The sorted set of document paths scored by the latest commit time handled in one bucket. */
  public String handled(String stream, String handlerId, long bucket) {
    return prefix + ":handled:" + tag(stream) + handlerId + ":" + bucket;
  }

  /**
   * The hash whose field {@code stream} counts the entries of that stream the handler lost: they
   * were trimmed from the stream while pending, before the handler handled them.
   */
  public String lost(String stream, String handlerId) {
    return prefix + ":lost:" + tag(stream) + handlerId;
  }

  /** The lease on one shard stream of a handler: the consumer name of the worker that reads it. */
  public String lease(String stream, String handlerId) {
    return prefix + ":lease:{" + stream + "}:" + handlerId;
  }

  /** The sorted set of the workers of a handler that read or wait for one shard stream. */
  public String workers(String stream, String handlerId) {
    return prefix + ":workers:{" + stream + "}:" + handlerId;
  }

  private String tag(String stream) {
    return cluster ? "{" + stream + "}:" : "";
  }
}
