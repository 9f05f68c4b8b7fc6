package dev.firetap.handler.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random wait up to {@code initial * 2^(n-1)}, capped. */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;

  Backoff(Duration initial, Duration max) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
  }

  /** The wait after the {@code n}th consecutive failure, n from 1. */
  Duration after(int n) {
    long cap = initialNanos;
    for (int i = 1; i < n && cap < maxNanos; i++) {
      cap *= 2;
    }
    cap = Math.min(cap, maxNanos);
    return Duration.ofNanos(cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
  }
}
