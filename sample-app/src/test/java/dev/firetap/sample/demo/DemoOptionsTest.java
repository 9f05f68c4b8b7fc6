package dev.firetap.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void loadSendsTenTimesTheOrdersFromMoreClients() {
    DemoOptions normal = DemoOptions.parse(List.of());
    DemoOptions load = DemoOptions.parse(List.of("--load"));

    assertThat(load.size().orders()).isEqualTo(10 * normal.size().orders());
    assertThat(load.clients()).isGreaterThan(normal.clients());
  }

  @Test
  void rejectsAnyOtherArgument() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--fast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demo takes --load or no argument, got [--fast]");
  }
}
