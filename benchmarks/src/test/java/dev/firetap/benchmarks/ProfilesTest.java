package dev.firetap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfilesTest {
  private static volatile double sink;

  @AfterEach
  void removeRecording() throws Exception {
    Files.deleteIfExists(Profiles.file("profiles-test"));
  }

  @Test
  void theMethodThatBurnsTheCpuIsTheHottest() throws Exception {
    Profile profile = Profiles.record("profiles-test", ProfilesTest::burnForOneSecond);

    assertThat(Path.of(profile.file())).exists();
    assertThat(profile.kind()).isEqualTo(Profile.Kind.CPU);
    assertThat(profile.total()).isGreaterThan(20);
    assertThat(profile.hotMethods().get(0).method())
        .isEqualTo(ProfilesTest.class.getName() + ".burn");
    assertThat(profile.hotMethods().get(0).percent()).isGreaterThan(50);
  }

  private static Object burnForOneSecond() {
    long end = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < end) {
      burn();
    }
    return sink;
  }

  private static void burn() {
    double value = sink;
    for (int i = 0; i < 100_000; i++) {
      value = Math.sqrt(value + i);
    }
    sink = value;
  }
}
