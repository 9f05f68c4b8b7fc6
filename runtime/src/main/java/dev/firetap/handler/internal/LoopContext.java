package dev.firetap.handler.internal;

import dev.firetap.handler.HandlerOptions;
import io.lettuce.core.Consumer;

/**
 * What every thread of one handler loop shares.
 *
 * @param spec the handler
 * @param stream the stream its group reads
 * @param consumerName this process's consumer name in the group
 * @param keys the runtime's Redis keys
 * @param outage the loop's Redis health
 * @param stop the loop's stop signal
 * @param ownership whether this worker still owns the stream
 */
record LoopContext(
    HandlerSpec spec,
    String stream,
    String consumerName,
    HandlerKeys keys,
    Outage outage,
    StopSignal stop,
    Ownership ownership) {
  String handlerId() {
    return spec.id();
  }

  HandlerOptions options() {
    return spec.options();
  }

  RetentionBuckets buckets() {
    return RetentionBuckets.of(spec.options().dedupeRetention());
  }

  byte[] streamKey() {
    return Bytes.of(stream);
  }

  byte[] group() {
    return Bytes.of(spec.id());
  }

  Consumer<byte[]> consumer() {
    return Consumer.from(group(), Bytes.of(consumerName));
  }
}
