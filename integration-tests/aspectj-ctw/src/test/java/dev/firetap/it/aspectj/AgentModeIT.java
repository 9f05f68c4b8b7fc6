package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
  /**
   * Path fragments of class path entries the application does not have: Firetap's runtime, the
   * libraries the agent bundles, the weaver and the test tools.
   */
  private static final List<String> NOT_OF_THE_APPLICATION =
      List.of(
          "/runtime/target/classes",
          "/io/lettuce/",
          "/io/netty/",
          "/io/projectreactor/",
          "/org/reactivestreams/",
          "/com/fasterxml/jackson/",
          "/net/bytebuddy/",
          "/redis/clients/",
          "/org/aspectj/",
          "/org/junit/",
          "/org/assertj/",
          "/org/awaitility/");

  @TempDir Path work;

  @Test
  void theAgentAloneEmitsTheScenarioEvents(RedisServer redis) throws Exception {
    List<String> options = List.of(agent(redis), mdcProvider());

    runScenario(redis, options, applicationClassPath());
  }

  @Test
  void eachCallIsReportedOnceWhenTheAspectIsAlsoWovenAtLoadTime(RedisServer redis)
      throws Exception {
    String weaver = "-javaagent:" + System.getProperty("firetap.it.aspectjweaver");
    List<String> options = List.of(weaver, agent(redis), mdcProvider());

    runScenario(redis, options, LoadTimeWeavingIT.unwovenClassPath());
  }

  private void runScenario(RedisServer redis, List<String> options, String classPath)
      throws Exception {
    List<String> seen;
    try (ChildJvm child =
        ChildJvm.start(
            AgentScenarioMain.class, options, classPath, List.of(), work.resolve("child.log"))) {
      child.awaitLine(line -> line.startsWith("scenario done"), Duration.ofSeconds(60));
      assertThat(child.awaitExit(Duration.ofSeconds(30))).as(child.output()).isZero();
      assertThat(child.output()).contains("agent ready: true").doesNotContain("[firetap] WARN");
      seen = seenLines(child);
    }

    assertThat(seen).containsExactlyElementsOf(ScenarioEvents.SEEN);
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      ScenarioEvents.assertWritten(streams);
    }
  }

  private String agent(RedisServer redis) {
    String settings =
        String.join(
            ",",
            "redis.url=" + redis.url(),
            "spool.dir=" + work.resolve("spool"),
            "service=firetap-test");
    return "-javaagent:" + System.getProperty("firetap.it.agent") + "=" + settings;
  }

  private static String mdcProvider() {
    return "-Dslf4j.provider=" + System.getProperty("slf4j.provider");
  }

  private static List<String> seenLines(ChildJvm child) throws IOException {
    return Arrays.stream(child.output().split("\n"))
        .filter(line -> line.startsWith("seen: "))
        .map(line -> line.substring("seen: ".length()))
        .toList();
  }

  /**
   * A Firestore application's class path: the unwoven application classes, the annotations, the
   * Firestore client, SLF4J with the test rig's MDC binding; neither Firetap's runtime nor any
   * library the agent bundles.
   */
  private static String applicationClassPath() {
    String woven = Path.of(System.getProperty("firetap.it.woven")).toString();
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("firetap.it.unwoven"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace('\\', '/');
      boolean runtimeJar = path.contains("firetap-runtime") && !path.endsWith("-tests.jar");
      if (!Path.of(entry).toString().equals(woven)
          && !runtimeJar
          && NOT_OF_THE_APPLICATION.stream().noneMatch(path::contains)) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
