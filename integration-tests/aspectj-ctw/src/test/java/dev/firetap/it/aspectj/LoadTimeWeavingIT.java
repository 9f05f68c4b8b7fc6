package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same application classes, unwoven, in a child JVM started with {@code
 * -javaagent:aspectjweaver.jar}: firetap-runtime's {@code META-INF/aop.xml} weaves them at load
 * time.
 */
@WithRedis
class LoadTimeWeavingIT {

  @TempDir Path work;

  @Test
  void callsWovenAtLoadTimeEmitTheSameEvents(RedisServer redis) throws Exception {
    List<String> options =
        List.of(
            "-javaagent:" + System.getProperty("firetap.it.aspectjweaver"),
            "-Dslf4j.provider=" + System.getProperty("slf4j.provider"));

    try (ChildJvm child =
            ChildJvm.start(
                ScenarioMain.class,
                options,
                unwovenClassPath(),
                List.of(redis.url(), work.resolve("spool").toString()),
                work.resolve("child.log"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {

      String done =
          child.awaitLine(line -> line.startsWith("scenario done"), Duration.ofSeconds(60));

      assertThat(done).isEqualTo("scenario done, delivered: true");
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
      List<String> seen =
          Arrays.stream(child.output().split("\n"))
              .filter(line -> line.startsWith("seen: "))
              .map(line -> line.substring("seen: ".length()))
              .toList();
      assertThat(seen).containsExactlyElementsOf(ScenarioEvents.SEEN);
      ScenarioEvents.assertWritten(streams);
    }
  }

  /** This JVM's class path with the woven application classes replaced by javac's. */
  static String unwovenClassPath() {
    String woven = Path.of(System.getProperty("firetap.it.woven")).toString();
    String unwoven = System.getProperty("firetap.it.unwoven");
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toString().equals(woven) ? unwoven : entry)
        .collect(Collectors.joining(File.pathSeparator));
  }
}
