package dev.firetap.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionBucketsTest {
  private final RetentionBuckets buckets = RetentionBuckets.of(Duration.ofHours(24));

  @Test
  void bucketsAreAQuarterOfTheRetention() {
    assertThat(buckets.bucketMillis()).isEqualTo(Duration.ofHours(6).toMillis());
  }

  @Test
  void aRecordIsKeptAtLeastTheRetentionAndSeenByEveryLookupMeanwhile() {
    long hour = Duration.ofHours(1).toMillis();
    for (long written = 0; written < 48 * hour; written += 7 * 60_000 + 13) {
      long bucket = buckets.current(written);
      long lastLookup = written + buckets.retentionMillis();

      assertThat(buckets.expiresAtMillis(bucket)).isGreaterThan(lastLookup);
      assertThat(buckets.oldestLive(lastLookup)).isLessThanOrEqualTo(bucket);
      assertThat(buckets.current(lastLookup)).isGreaterThanOrEqualTo(bucket);
    }
  }

  @Test
  void aRecordIsGoneAQuarterAfterTheRetention() {
    long written = Duration.ofDays(3).toMillis() + 1;

    long expiry = buckets.expiresAtMillis(buckets.current(written));

    assertThat(expiry - written)
        .isLessThanOrEqualTo(buckets.retentionMillis() + buckets.bucketMillis());
  }

  @Test
  void shortRetentionsUseOneSecondBuckets() {
    RetentionBuckets seconds = RetentionBuckets.of(Duration.ofSeconds(2));

    assertThat(seconds.bucketMillis()).isEqualTo(1000);
    assertThat(seconds.current(5_500)).isEqualTo(5);
    assertThat(seconds.oldestLive(5_500)).isEqualTo(2);
  }
}
