package dev.firetap.it.aspectj;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    List<String> options = List.of(ChildJvms.weaver(), ChildJvms.mdcProvider());

    try (ChildJvm child =
            ChildJvm.start(
                ScenarioMain.class,
                options,
                ChildJvms.unwovenClassPath(),
                List.of(redis.url(), work.resolve("spool").toString()),
                work.resolve("child.log"));
        RedisStreams streams = RedisStreams.connect(redis.url())) {

      String done =
          child.awaitLine(line -> line.startsWith("scenario done"), Duration.ofSeconds(60));

      assertThat(done).isEqualTo("scenario done, delivered: true");
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(ChildJvms.seenLines(child.output()))
          .containsExactlyElementsOf(ScenarioEvents.SEEN);
      ScenarioEvents.assertWritten(streams);
    }
  }

  @Test
  void theUnwovenClassesHoldNoWovenCodeEvenWhenJavacRecompiledNothing() throws Exception {
    Path orderService = Path.of("dev", "firetap", "it", "aspectj", "OrderService.class");

    String unwoven = classFile(System.getProperty("firetap.it.unwoven"), orderService);
    String woven = classFile(System.getProperty("firetap.it.woven"), orderService);

    assertThat(unwoven).doesNotContain("ajc$");
    assertThat(woven).contains("ajc$");
  }

  private static String classFile(String folder, Path file) throws IOException {
    return new String(
        Files.readAllBytes(Path.of(folder).resolve(file)), StandardCharsets.ISO_8859_1);
  }
}
