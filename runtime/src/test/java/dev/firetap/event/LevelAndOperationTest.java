package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LevelAndOperationTest {
  @ParameterizedTest
  @EnumSource(Operation.class)
  void operationWireNamesAreLowerCaseAndRoundTrip(Operation op) {
    String wireName = op.wireName();

    assertThat(wireName).isEqualTo(op.name().toLowerCase(Locale.ROOT));
    assertThat(Operation.fromWireName(wireName)).isSameAs(op);
  }

  @Test
  void operationFromWireNameIsExact() {
    assertThatThrownBy(() -> Operation.fromWireName("CREATE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation must be one of create, update, delete, got 'CREATE'");
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void levelWireNamesAreLowerCaseAndRoundTrip(Level level) {
    String wireName = level.wireName();

    assertThat(wireName).isEqualTo(level.name().toLowerCase(Locale.ROOT));
    assertThat(Level.fromWireName(wireName)).isSameAs(level);
  }

  @Test
  void levelFromWireNameIsExact() {
    assertThatThrownBy(() -> Level.fromWireName("Warn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be one of debug, info, warn, error, got 'Warn'");
  }

  @ParameterizedTest
  @CsvSource({"debug, DEBUG", "INFO, INFO", "Warn, WARN", "warning, WARN", "' error ', ERROR"})
  void levelParseAcceptsAnyCaseAndWarning(String text, Level expected) {
    Level parsed = Level.parse(text);

    assertThat(parsed).isEqualTo(expected);
  }

  @Test
  void levelParseNamesTheRejectedText() {
    assertThatThrownBy(() -> Level.parse("fatal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 'fatal'");
  }
}
