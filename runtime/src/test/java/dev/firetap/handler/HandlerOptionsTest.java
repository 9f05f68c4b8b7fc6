package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandlerOptionsTest {
  @Test
  void defaultsAreTheDocumentedValues() {
    HandlerOptions options = HandlerOptions.defaults();

    assertThat(options.maxAttempts()).isEqualTo(5);
    assertThat(options.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(options.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.batchSize()).isEqualTo(100);
    assertThat(options.block()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.threads()).isEqualTo(1);
    assertThat(options.claimIdle()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.startFrom()).isEqualTo(StartFrom.now());
    assertThat(options.dedupeRetention()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void withersChangeOneOptionAndLeaveTheOriginalAlone() {
    HandlerOptions defaults = HandlerOptions.defaults();

    HandlerOptions changed =
        defaults.withThreads(4).withBlock(Duration.ofMillis(200)).withMaxAttempts(9);

    assertThat(changed.threads()).isEqualTo(4);
    assertThat(changed.block()).isEqualTo(Duration.ofMillis(200));
    assertThat(changed.maxAttempts()).isEqualTo(9);
    assertThat(changed.batchSize()).isEqualTo(100);
    assertThat(defaults.threads()).isEqualTo(1);
  }

  @Test
  void rejectsAWholeNumberOutOfRangeNamingTheOptionAndTheValue() {
    HandlerOptions defaults = HandlerOptions.defaults();

    assertThatThrownBy(() -> defaults.withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handler option maxAttempts must be a whole number from 1 to 1000, got 0");
    assertThatThrownBy(() -> defaults.withThreads(257))
        .hasMessage("handler option threads must be a whole number from 1 to 256, got 257");
  }

  @Test
  void rejectsADurationOutOfRangeNamingTheOptionAndTheValue() {
    HandlerOptions defaults = HandlerOptions.defaults();

    assertThatThrownBy(() -> defaults.withBlock(Duration.ofMillis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handler option block must be a duration from 10ms to 60s, got 5ms");
    assertThatThrownBy(() -> defaults.withMaxBackoff(Duration.ofMillis(100)))
        .hasMessage("handler option maxBackoff must be a duration from 200ms to 3600s, got 100ms");
  }

  @Test
  void startPositionsGiveTheGroupStartIdOfXgroupCreate() {
    StartFrom at = StartFrom.at(Instant.ofEpochMilli(2000));

    assertThat(StartFrom.now().groupStartId()).isEqualTo("$");
    assertThat(StartFrom.beginning().groupStartId()).isEqualTo("0");
    assertThat(at.groupStartId()).isEqualTo("1999-18446744073709551615");
    assertThat(at).hasToString("at(1970-01-01T00:00:02Z)");
  }
}
