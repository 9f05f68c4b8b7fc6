package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class MissingServerTest {
  private static final String INSTRUCTIONS = "apt-get install -y redis-server";

  @Test
  void onCiAMissingServerFailsWithTheInstallInstructions() {
    Map<String, String> environment = Map.of("CI", "true");

    assertThatThrownBy(() -> MissingServer.report("redis-server", INSTRUCTIONS, environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("redis-server was not found")
        .hasMessageContaining("CI=true")
        .hasMessageContaining(INSTRUCTIONS);
  }

  @Test
  void outsideCiAMissingServerAbortsTheTestWithTheInstallInstructions() {
    Map<String, String> environment = Map.of("CI", "false");

    assertThatThrownBy(() -> MissingServer.report("redis-server", INSTRUCTIONS, environment))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("redis-server was not found")
        .hasMessageContaining(INSTRUCTIONS);
  }
}
