package dev.firetap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.handler.StartFrom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkerArgumentsTest {
  @Test
  void collectsPackagesClassesAndOptions() {
    WorkerArguments arguments =
        WorkerArguments.parse(
            "--handlers", "com.example.handlers",
            "--class", "com.example.Audit",
            "--class", "com.example.Mail",
            "--set", "threads=4",
            "--set", "claimIdle=1500ms",
            "--set", "startFrom=2025-01-01T00:00:00Z");

    assertThat(arguments.packages()).containsExactly("com.example.handlers");
    assertThat(arguments.classes()).containsExactly("com.example.Audit", "com.example.Mail");
    assertThat(arguments.options().threads()).isEqualTo(4);
    assertThat(arguments.options().claimIdle()).isEqualTo(Duration.ofMillis(1500));
    assertThat(arguments.options().startFrom())
        .isEqualTo(StartFrom.at(Instant.parse("2025-01-01T00:00:00Z")));
  }

  @Test
  void rejectsAnUnknownOptionListingTheKnownOnes() {
    assertThatThrownBy(() -> WorkerArguments.parse("--class", "A", "--set", "thread=4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("worker argument --set names no handler option: 'thread'")
        .hasMessageContaining("threads");
  }

  @Test
  void rejectsABadDurationNamingTheOptionAndTheValue() {
    assertThatThrownBy(() -> WorkerArguments.parse("--class", "A", "--set", "block=2 s"))
        .hasMessage(
            "handler option block must be a duration such as 500ms, 30s, 5m, 24h or 7d, got '2 s'");
  }

  @Test
  void needsAPackageOrAClass() {
    assertThatThrownBy(() -> WorkerArguments.parse("--set", "threads=2"))
        .hasMessage("worker needs --handlers <package> or --class <class name>, got neither");
  }
}
