package dev.firetap.benchmarks.agent;

import dev.firetap.benchmarks.AgentJar;
import dev.firetap.testing.RedisServer;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of one child JVM of the agent benchmark: this JVM's java launcher, a fixed heap,
 * the options of the variant (the agent or nothing), a class path and a main class.
 *
 * @param jvmOptions options before the main class, such as {@code -javaagent:...}
 * @param classPath the application's class path
 * @param mainClass the application
 * @param arguments the application's arguments
 */
record AppCommand(
    List<String> jvmOptions, String classPath, Class<?> mainClass, List<String> arguments) {
  /** Heap of every child: the same for the runs with and without the agent. */
  static final String HEAP = "-Xmx512m";

  /** Path fragments of the class path entries that are Firetap or a library the agent bundles. */
  private static final List<String> NOT_OF_THE_APPLICATION =
      List.of(
          "/dev/firetap/",
          "/runtime/target/",
          "/io/lettuce/",
          "/io/netty/",
          "/io/projectreactor/",
          "/org/reactivestreams/",
          "/com/fasterxml/jackson/",
          "/org/slf4j/",
          "/org/aspectj/",
          "/org/openjdk/jmh/",
          "/org/junit/");

  /** Copies the lists. */
  AppCommand {
    jvmOptions = List.copyOf(jvmOptions);
    arguments = List.copyOf(arguments);
  }

  /**
   * The class path of an application that knows nothing of Firetap: this JVM's (the benchmarks jar
   * and the Firestore client with its dependencies) without Firetap and the libraries the agent
   * brings, as in a production setup where the agent jar is the only Firetap there is.
   */
  static String applicationClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> NOT_OF_THE_APPLICATION.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** This JVM's class path, Firetap's runtime included: for an application that uses its API. */
  static String runtimeClassPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * The {@code -javaagent:} option of the agent with the {@link #agentArguments arguments} for
   * {@code redis}, {@code spool}, {@code service} and {@code extra}.
   */
  static String agent(RedisServer redis, Path spool, String service, String... extra) {
    return AgentJar.option(agentArguments(redis, spool, service, extra));
  }

  /**
   * The agent's arguments: pointed at {@code redis}, with service name {@code bench-<service>}, its
   * spool below {@code spool}, and the settings {@code extra} ({@code name=value}, the name without
   * {@code firetap.}).
   */
  static String agentArguments(RedisServer redis, Path spool, String service, String... extra) {
    List<String> settings =
        new ArrayList<>(
            List.of(
                "redis.url=" + redis.url(),
                "service=bench-" + service,
                "spool.dir=" + spool.resolve(service)));
    settings.addAll(List.of(extra));
    return String.join(",", settings);
  }

  /** The same command with more JVM options. */
  AppCommand withOptions(List<String> more) {
    List<String> options = new ArrayList<>(jvmOptions);
    options.addAll(more);
    return new AppCommand(options, classPath, mainClass, arguments);
  }

  /** The command line to run. */
  List<String> line() {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.add(HEAP);
    line.addAll(jvmOptions);
    line.addAll(List.of("-cp", classPath, mainClass.getName()));
    line.addAll(arguments);
    return line;
  }
}
