package dev.firetap.it.aspectj;

import dev.firetap.testing.RedisServer;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How this module's tests start the application in a child JVM, in each mode: the {@code
 * -javaagent} options, the class paths, and what the application printed.
 */
final class ChildJvms {
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

  private ChildJvms() {}

  /** Attaches the AspectJ weaver, which weaves with firetap-runtime's {@code META-INF/aop.xml}. */
  static String weaver() {
    return "-javaagent:" + System.getProperty("firetap.it.aspectjweaver");
  }

  /** Attaches the Firetap agent, reporting to {@code redis} and spooling below {@code work}. */
  static String agent(RedisServer redis, Path work) {
    String settings =
        String.join(
            ",",
            "redis.url=" + redis.url(),
            "spool.dir=" + work.resolve("spool"),
            "service=firetap-test");
    return "-javaagent:" + System.getProperty("firetap.it.agent") + "=" + settings;
  }

  /** Chooses the test rig's SLF4J binding, whose MDC works. */
  static String mdcProvider() {
    return "-Dslf4j.provider=" + System.getProperty("slf4j.provider");
  }

  /** This JVM's class path, with the application classes woven at build time. */
  static String wovenClassPath() {
    return System.getProperty("java.class.path");
  }

  /** This JVM's class path with the woven application classes replaced by javac's. */
  static String unwovenClassPath() {
    String woven = Path.of(System.getProperty("firetap.it.woven")).toString();
    String unwoven = System.getProperty("firetap.it.unwoven");
    return Arrays.stream(wovenClassPath().split(File.pathSeparator))
        .map(entry -> Path.of(entry).toString().equals(woven) ? unwoven : entry)
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * A Firestore application's class path: the unwoven application classes, the annotations, the
   * Firestore client, SLF4J with the test rig's MDC binding; neither Firetap's runtime nor any
   * library the agent bundles.
   */
  static String applicationClassPath() {
    String woven = Path.of(System.getProperty("firetap.it.woven")).toString();
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("firetap.it.unwoven"));
    for (String entry : wovenClassPath().split(File.pathSeparator)) {
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

  /** What the application saw: the {@code seen: } lines of a child's output, without the prefix. */
  static List<String> seenLines(String output) {
    return output
        .lines()
        .filter(line -> line.startsWith("seen: "))
        .map(line -> line.substring("seen: ".length()))
        .toList();
  }
}
