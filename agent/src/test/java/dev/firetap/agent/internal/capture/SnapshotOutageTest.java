package dev.firetap.agent.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnapshotOutageTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final SnapshotOutage outage = new SnapshotOutage();

  @Test
  void readsWithTheLongTimeoutWhileReadsWork() {
    assertThat(outage.shouldRead(0)).isTrue();
    outage.succeeded();

    assertThat(outage.shouldRead(SECOND)).isTrue();
    assertThat(outage.timeout()).isEqualTo(SnapshotOutage.READ_TIMEOUT);
    assertThat(outage.isFailing()).isFalse();
  }

  @Test
  void afterAFailureSkipsReadsUntilTheProbeWhichHasTheShortTimeout() {
    outage.failed(0, new IOException("UNAVAILABLE"));

    assertThat(outage.isFailing()).isTrue();
    assertThat(outage.shouldRead(SECOND / 2)).isFalse();
    assertThat(outage.shouldRead(SECOND - 1)).isFalse();
    assertThat(outage.shouldRead(SECOND)).isTrue();
    assertThat(outage.timeout()).isEqualTo(SnapshotOutage.PROBE_TIMEOUT);
  }

  @Test
  void probesTwiceAsLateAfterEachFailedProbeUpToTheLongestPause() {
    long now = 0;
    outage.failed(now, new IOException("UNAVAILABLE"));
    long pause = TimeUnit.MILLISECONDS.toNanos(SnapshotOutage.FIRST_PAUSE_MILLIS);
    long longest = TimeUnit.MILLISECONDS.toNanos(SnapshotOutage.MAX_PAUSE_MILLIS);
    for (int probe = 0; probe < 8; probe++) {
      now += pause;
      assertThat(outage.shouldRead(now - 1)).as("before probe %d", probe).isFalse();
      assertThat(outage.shouldRead(now)).as("probe %d", probe).isTrue();
      outage.failed(now, new IOException("UNAVAILABLE"));
      pause = Math.min(pause * 2, longest);
    }

    assertThat(outage.shouldRead(now + longest - 1)).isFalse();
    assertThat(outage.shouldRead(now + longest)).isTrue();
  }

  @Test
  void aSucceedingProbeEndsTheOutage() {
    outage.failed(0, new IOException("UNAVAILABLE"));
    assertThat(outage.shouldRead(SECOND)).isTrue();

    outage.succeeded();

    assertThat(outage.isFailing()).isFalse();
    assertThat(outage.shouldRead(SECOND + 1)).isTrue();
    assertThat(outage.timeout()).isEqualTo(SnapshotOutage.READ_TIMEOUT);
  }
}
