package dev.firetap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void everyRecordComponentHasExactlyOneSetting() {
    Map<String, Class<?>> components = ConfigValues.componentTypes();

    assertThat(Settings.all())
        .extracting(Setting::component)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(components.keySet());
  }

  @Test
  void namesAreUniqueAndPrefixed() {
    assertThat(Settings.all())
        .extracting(Setting::name)
        .doesNotHaveDuplicates()
        .allMatch(name -> name.startsWith("firetap."));
  }

  @Test
  void everyDefaultIsValid() {
    Map<String, String> jvm = Map.of("user.home", "/home/ada");

    assertThat(Settings.all()).allSatisfy(setting -> setting.parse(setting.defaultValue(jvm)));
  }

  @Test
  void environmentVariableTurnsDotsAndHyphensIntoUnderscores() {
    Setting<?> setting = Settings.named("firetap.stats.retention-days").orElseThrow();

    assertThat(setting.environmentVariable()).isEqualTo("FIRETAP_STATS_RETENTION_DAYS");
    assertThat(setting.shortName()).isEqualTo("stats.retention-days");
  }

  @Test
  void suggestsTheClosestName() {
    assertThat(Settings.closestName("firetap.redis.ulr")).isEqualTo("firetap.redis.url");
    assertThat(Settings.closestName("batch.sise")).isEqualTo("firetap.batch.size");
    assertThat(Settings.closestName("FIRETAP.Errors.Enable")).isEqualTo("firetap.errors.enabled");
  }

  @Test
  void formatsValuesAsAUserWouldWriteThem() {
    assertThat(Rules.formatDuration(java.time.Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(Rules.formatDuration(java.time.Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Rules.formatSize(512L << 20)).isEqualTo("512MB");
    assertThat(Rules.formatSize(1536)).isEqualTo("1536B");
  }
}
