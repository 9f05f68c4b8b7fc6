package dev.firetap.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WallTimeTest {
  private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void placesAReadingOfTheMonotonicClockOnTheWallClock() {
    WallTime wallTime = new WallTime(Clock.fixed(NOON, ZoneOffset.UTC));
    long now = System.nanoTime();

    Instant earlier = wallTime.at(now - Duration.ofSeconds(10).toNanos());
    Instant later = wallTime.at(now + Duration.ofMillis(1).toNanos());

    assertThat(Duration.between(earlier, later)).isEqualTo(Duration.ofSeconds(10).plusMillis(1));
    assertThat(earlier).isBetween(NOON.minusSeconds(11), NOON.minusSeconds(9));
  }

  @Test
  void agreesWithTheSystemClock() {
    WallTime wallTime = new WallTime(Clock.systemUTC());

    Instant before = Instant.now();
    Instant reading = wallTime.at(System.nanoTime());
    Instant after = Instant.now();

    // The monotonic and the wall clock may disagree by a little; never by a second.
    assertThat(reading).isBetween(before.minusSeconds(1), after.plusSeconds(1));
  }
}
