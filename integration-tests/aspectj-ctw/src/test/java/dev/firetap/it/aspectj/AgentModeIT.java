package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same unwoven application classes in a child JVM started with {@code
 * -javaagent:firetap-agent.jar}: the agent instruments them and must emit the events of the AspectJ
 * modes; with the AspectJ weaver attached as well, every call is still reported once.
 */
@WithRedis
class AgentModeIT {
  @TempDir Path work;

  @Test
  void theAgentAloneEmitsTheScenarioEvents(RedisServer redis) throws Exception {
    List<String> options = List.of(ChildJvms.agent(redis, work), ChildJvms.mdcProvider());

    runScenario(redis, options, ChildJvms.applicationClassPath());
  }

  @Test
  void eachCallIsReportedOnceWhenTheAspectIsAlsoWovenAtLoadTime(RedisServer redis)
      throws Exception {
    List<String> options =
        List.of(ChildJvms.weaver(), ChildJvms.agent(redis, work), ChildJvms.mdcProvider());

    runScenario(redis, options, ChildJvms.unwovenClassPath());
  }

  private void runScenario(RedisServer redis, List<String> options, String classPath)
      throws Exception {
    List<String> seen;
    try (ChildJvm child =
        ChildJvm.start(
            AgentScenarioMain.class, options, classPath, List.of(), work.resolve("child.log"))) {
      child.awaitLine(line -> line.startsWith("scenario done"), Duration.ofSeconds(60));
      assertThat(child.awaitExit(Duration.ofSeconds(30))).as(child.output()).isZero();
      // The application names its own SLF4J provider; the agent's SLF4J must not try to use it.
      assertThat(child.output())
          .contains("agent ready: true")
          .doesNotContain("[firetap] WARN", "SLF4J(E)", "ClassCastException");
      seen = ChildJvms.seenLines(child.output());
    }

    assertThat(seen).containsExactlyElementsOf(ScenarioEvents.SEEN);
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      ScenarioEvents.assertWritten(streams);
    }
  }
}
