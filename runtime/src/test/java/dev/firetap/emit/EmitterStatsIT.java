package dev.firetap.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.Firetap;
import dev.firetap.event.Level;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emitter's counters, through the API and over JMX, follow what happens to the events. */
@WithRedis
class EmitterStatsIT {
  @TempDir Path spool;

  @Test
  void countsEmittedEventsAndShowsThemOverJmx(RedisServer redis) throws Exception {
    try (Firetap firetap =
        Firetap.start(TestConfigs.forRedis(redis, spool, "firetap.service", "stats-it"))) {
      for (int i = 0; i < 10; i++) {
        firetap.logs().at(Level.INFO, "counted").put("n", i).log();
      }

      assertThat(firetap.emitter().flush(Duration.ofSeconds(10))).isTrue();
      EmitterStats stats = firetap.emitter().stats();
      assertThat(stats.emitted()).isEqualTo(10);
      assertThat(stats.dropped()).isZero();
      assertThat(stats.connected()).isTrue();
      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName("dev.firetap:type=Emitter,service=stats-it");
      assertThat(jmx.getAttribute(name, "Emitted")).isEqualTo(10L);
      assertThat(jmx.getAttribute(name, "Connected")).isEqualTo(true);
    }
  }

  @Test
  void reportsTheOutageAndTheSpooledEventsWhileRedisIsDown(RedisServer redis) {
    try (Firetap firetap = Firetap.start(TestConfigs.forRedis(redis, spool))) {
      redis.stop();

      firetap.logs().at(Level.WARN, "during_outage").log();

      await().atMost(Duration.ofSeconds(10)).until(() -> firetap.emitter().stats().spooled() == 1);
      EmitterStats stats = firetap.emitter().stats();
      assertThat(stats.connected()).isFalse();
      assertThat(stats.lastError()).isNotBlank();
      assertThat(stats.lastErrorTime()).isNotNull();
      assertThat(stats.spoolBytes()).isPositive();
      assertThat(firetap.emitter().flush(Duration.ofMillis(200))).isFalse();
    }
  }

  @Test
  void countsEventsEmittedAfterCloseAsDropped(RedisServer redis) {
    Firetap firetap = Firetap.start(TestConfigs.forRedis(redis, spool));
    firetap.close();

    boolean accepted = firetap.logs().at(Level.INFO, "too_late").log();

    assertThat(accepted).isFalse();
    assertThat(firetap.emitter().stats().dropped()).isEqualTo(1);
  }

  @Test
  void acceptsNothingWhenDisabled(RedisServer redis) {
    try (Firetap firetap =
        Firetap.start(TestConfigs.forRedis(redis, spool, "firetap.enabled", "false"))) {
      boolean accepted = firetap.logs().at(Level.INFO, "ignored").log();

      assertThat(accepted).isFalse();
      assertThat(firetap.emitter().stats().emitted()).isZero();
    }
  }
}
