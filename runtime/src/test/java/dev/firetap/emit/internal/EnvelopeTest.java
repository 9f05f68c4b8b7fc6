package dev.firetap.emit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  @Test
  void survivesTheRoundTripThroughItsSpoolBytes() throws IOException {
    Envelope envelope =
        new Envelope(
            "firetap:logs:error",
            100_000,
            "",
            "firetap:stats:2026-12-03",
            "error",
            "p-1",
            42,
            "{\"id\":\"é\"}".getBytes(StandardCharsets.UTF_8));

    Envelope read = Envelope.fromBytes(envelope.toBytes());

    assertThat(read).usingRecursiveComparison().isEqualTo(envelope);
    assertThat(read.counted()).isTrue();
    assertThat(read.published()).isFalse();
  }

  @Test
  void rejectsBytesOfAnotherFormatVersion() {
    byte[] bytes = new Envelope("s", 1, "", "", "", "p", 1, new byte[0]).toBytes();
    bytes[0] = 9;

    assertThatThrownBy(() -> Envelope.fromBytes(bytes))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format version 9");
  }

  @Test
  void neverShowsTheEventInItsTextForm() {
    Envelope envelope =
        new Envelope(
            "firetap:cdc:users",
            1,
            "c",
            "",
            "",
            "p",
            7,
            "{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(envelope.toString()).doesNotContain("hunter2").contains("firetap:cdc:users #7");
  }
}
