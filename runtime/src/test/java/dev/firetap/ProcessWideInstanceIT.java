package dev.firetap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.config.FiretapConfig;
import dev.firetap.event.EventCodec;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRedis
class ProcessWideInstanceIT {
  @TempDir Path spool;

  @Test
  void aStartWhileTheProcessWideInstanceRunsSharesItsEmitterAndKeepsItsServiceName(
      RedisServer redis) {
    try (Firetap agent =
            Firetap.builder().config(config(redis, "agent")).processWide(true).start();
        RedisStreams streams = RedisStreams.connect(redis.url())) {
      Firetap app = Firetap.start(config(redis, "shop"));

      app.logs().info("order_placed", Map.of("n", 1));
      app.close();

      assertThat(app.emitter()).isSameAs(agent.emitter());
      assertThat(agent.emitter().flush(Duration.ofSeconds(10))).isTrue();
      List<String> events = streams.events("firetap:logs:info");
      assertThat(events).hasSize(1);
      assertThat(EventCodec.decodeLog(events.get(0).getBytes(StandardCharsets.UTF_8)).service())
          .isEqualTo("shop");
      agent.logs().info("still_open", Map.of());
      assertThat(agent.emitter().flush(Duration.ofSeconds(10))).isTrue();
      assertThat(streams.events("firetap:logs:info")).hasSize(2);
    }
  }

  @Test
  void theProcessWideInstanceJoinsAnInstanceStartedBeforeIt(RedisServer redis) {
    try (Firetap app = Firetap.start(config(redis, "shop"))) {
      Firetap agent = Firetap.builder().config(config(redis, "agent")).processWide(true).start();

      assertThat(agent.emitter()).isSameAs(app.emitter());
      agent.close();
      assertThat(app.logs().info("after", Map.of())).isTrue();
    }
  }

  @Test
  void startsItsOwnInstanceWhenNoProcessWideOneRuns(RedisServer redis) {
    Firetap agent = Firetap.builder().config(config(redis, "agent")).processWide(true).start();
    agent.close();

    try (Firetap app = Firetap.start(config(redis, "shop"))) {
      assertThat(app.emitter()).isNotSameAs(agent.emitter());
      assertThat(app.logs().info("own", Map.of())).isTrue();
    }
  }

  private FiretapConfig config(RedisServer redis, String service) {
    return TestConfigs.forRedis(
        redis, spool, "firetap.service", service, "firetap.errors.enabled", "false");
  }
}
