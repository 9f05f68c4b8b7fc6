package dev.firetap.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleSettingsTest {
  @Test
  void takesItsDefaultsWhenNothingIsSet() {
    SampleSettings settings = SampleSettings.fromMap(Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.firestoreProject()).isEqualTo("firetap-demo");
    assertThat(settings.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(settings.outbox()).isEqualTo(Path.of("outbox.jsonl"));
    assertThat(settings.declineRatio()).isZero();
    assertThat(settings.initialStock()).isEqualTo(100_000);
    assertThat(settings.firetap()).isEqualTo(SampleSettings.FiretapMode.AGENT);
  }

  @Test
  void readsEverySettingByItsPropertyName() {
    SampleSettings settings =
        SampleSettings.fromMap(
            Map.of(
                "sample.port", "0",
                "sample.firestore.emulator", "127.0.0.1:8686",
                "sample.payments.decline-ratio", "0.25",
                "sample.firetap", "library"));

    assertThat(settings.port()).isZero();
    assertThat(settings.firestoreEmulator()).isEqualTo("127.0.0.1:8686");
    assertThat(settings.declineRatio()).isEqualTo(0.25);
    assertThat(settings.firetap()).isEqualTo(SampleSettings.FiretapMode.LIBRARY);
  }

  @Test
  void rejectsAPortOutOfRangeNamingTheSettingAndTheValue() {
    assertThatThrownBy(() -> SampleSettings.fromMap(Map.of("sample.port", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample.port must be a whole number from 0 to 65535, got '70000'");
  }

  @Test
  void rejectsADeclineRatioAboveOne() {
    assertThatThrownBy(() -> SampleSettings.fromMap(Map.of("sample.payments.decline-ratio", "5%")))
        .hasMessage(
            "sample.payments.decline-ratio must be a number from 0 to 1, such as 0.05, got '5%'");
  }

  @Test
  void rejectsAnUnknownFiretapMode() {
    assertThatThrownBy(() -> SampleSettings.fromMap(Map.of("sample.firetap", "aspectj")))
        .hasMessage("sample.firetap must be agent or library, got 'aspectj'");
  }
}
