package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  @ParameterizedTest
  @CsvSource({
    "2026-12-03T12:00:00Z, 2026-12-03T12:00:00.000000Z",
    "2026-12-03T12:00:00.5Z, 2026-12-03T12:00:00.500000Z",
    "2026-12-03T12:00:00.123456Z, 2026-12-03T12:00:00.123456Z",
    "2026-12-03T12:00:00.123456999Z, 2026-12-03T12:00:00.123456Z",
    "1969-12-31T23:59:59.999999999Z, 1969-12-31T23:59:59.999999Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00.000000Z",
    "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999Z"
  })
  void formatsWithExactlySixFractionDigitsTruncatingNanos(String instant, String expected) {
    String formatted = Timestamps.format(Instant.parse(instant));

    assertThat(formatted).isEqualTo(expected);
  }

  @Test
  void refusesInstantsOutsideTheFourDigitYears() {
    Instant tooLate = Instant.parse("+10000-01-01T00:00:00Z");

    assertThatThrownBy(() -> Timestamps.format(tooLate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0000 to 9999")
        .hasMessageContaining("+10000-01-01T00:00:00Z");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-12-03T12:00:00Z, 2026-12-03T12:00:00Z",
    "2026-12-03t12:00:00z, 2026-12-03T12:00:00Z",
    "2026-12-03T12:00:00.1Z, 2026-12-03T12:00:00.100Z",
    "2026-12-03T12:00:00.123456789Z, 2026-12-03T12:00:00.123456789Z",
    "2026-12-03T12:00:00.5+05:30, 2026-12-03T06:30:00.500Z",
    "2026-12-03T01:00:00-02:00, 2026-12-03T03:00:00Z",
    "2026-12-03T12:00:00+00:00, 2026-12-03T12:00:00Z"
  })
  void parsesEveryRfc3339Form(String text, String expected) {
    Instant parsed = Timestamps.parse(text);

    assertThat(parsed).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-12-03",
        "2026-12-03T12:00:00",
        "2026-12-03 12:00:00Z",
        "2026-12-03T12:00:00.Z",
        "2026-12-03T12:00:00.1234567891Z",
        "2026-12-03T12:00:00+0530",
        "2026-12-03T12:00:00+5:30",
        "2026-02-30T12:00:00Z",
        "2026-12-03T24:00:00Z",
        "2026-12-03T12:00:00Zjunk",
        "２026-12-03T12:00:00Z"
      })
  void rejectsTextThatIsNotRfc3339NamingIt(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "timestamp must be RFC 3339 such as 2026-12-03T12:00:00.123456Z, got '" + text + "'");
  }

  @Test
  void parsesWhatItFormats() {
    Instant instant = Instant.parse("2026-12-03T12:00:00.000001Z");

    Instant parsed = Timestamps.parse(Timestamps.format(instant));

    assertThat(parsed).isEqualTo(instant);
  }
}
