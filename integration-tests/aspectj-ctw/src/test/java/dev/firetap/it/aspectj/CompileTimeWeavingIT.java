package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application classes of this module, woven at build time with firetap-runtime's aspect. */
@WithRedis
class CompileTimeWeavingIT {

  @TempDir Path spool;

  @Test
  void wovenCallsEmitTheScenarioEventsAndBehaveAsUnwovenOnes(RedisServer redis) {
    try (Firetap firetap =
            Firetap.start(TestConfigs.forRedis(redis, spool, "firetap.errors.enabled", "false"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {

      List<String> seen = Scenario.run();

      await().until(() -> firetap.emitter().stats().emitted() >= Scenario.EVENTS);
      assertThat(seen).containsExactlyElementsOf(ScenarioEvents.SEEN);
      ScenarioEvents.assertWritten(streams);
    }
  }

  @Test
  void withoutARunningFiretapWovenCallsBehaveAsUnwovenOnes() {
    List<String> seen = Scenario.run();

    assertThat(Firetap.global()).isEmpty();
    assertThat(seen).containsExactlyElementsOf(ScenarioEvents.SEEN);
  }
}
