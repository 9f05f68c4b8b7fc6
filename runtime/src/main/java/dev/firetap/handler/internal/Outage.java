package dev.firetap.handler.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tracks whether the Redis of one handler loop fails, so that each outage is reported once. */
final class Outage {
  private static final Logger log = LoggerFactory.getLogger(Outage.class);
  private static final long NONE = Long.MIN_VALUE;

  private final String handlerId;
  private final AtomicLong sinceNanos = new AtomicLong(NONE);

  Outage(String handlerId) {
    this.handlerId = handlerId;
  }

  void failed(RuntimeException e) {
    if (sinceNanos.compareAndSet(NONE, System.nanoTime())) {
      log.warn(
          "handler {}: Redis commands fail ({}); retrying with backoff", handlerId, e.toString());
    } else {
      log.debug("handler {}: Redis still failing", handlerId, e);
    }
  }

  void succeeded() {
    long since = sinceNanos.getAndSet(NONE);
    if (since != NONE) {
      Duration outage = Duration.ofNanos(System.nanoTime() - since);
      log.info("handler {}: Redis answers again after {} ms", handlerId, outage.toMillis());
    }
  }
}
