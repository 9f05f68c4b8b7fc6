package dev.firetap.log.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns {@link System#nanoTime()} readings into instants of a wall clock, so that a caller on a hot
 * path reads only the monotonic clock it reads anyway, and the instant is worked out later, on
 * another thread. The wall clock is read again once its last reading is older than {@link
 * #REREAD_NANOS}, which bounds how far the two clocks can have drifted apart.
 */
public final class WallTime {
  static final long REREAD_NANOS = 100_000_000;

  private final Clock clock;
  private volatile Reading last;

  public WallTime(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The wall-clock instant at which {@link System#nanoTime()} read {@code nanoTime}. */
  public Instant at(long nanoTime) {
    Reading reading = last;
    long now = System.nanoTime();
    if (reading == null || now - reading.nanoTime() > REREAD_NANOS) {
      reading = new Reading(now, clock.instant());
      last = reading;
    }
    return reading.instant().plusNanos(nanoTime - reading.nanoTime());
  }

  /** The two clocks read together. */
  private record Reading(long nanoTime, Instant instant) {}
}
