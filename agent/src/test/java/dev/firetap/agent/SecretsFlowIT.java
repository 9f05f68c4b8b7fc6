package dev.firetap.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.cli.FiretapCli;
import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import dev.firetap.worker.WorkerMain;
import io.lettuce.core.Range;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole flow with a password-protected Redis — an application with the agent logging secrets
 * through {@code @Logged}, a worker handling its events, the command line reading them — and then a
 * scan of everything: every child's output, every file written, every value in Redis. Neither the
 * Redis password nor a redacted value may appear anywhere.
 */
@WithRedis
class SecretsFlowIT {
  private static final String REDIS_PASSWORD = "redis-Pw-7c1e9d";
  private static final String USER_PASSWORD = "hunter2-Secret-5f3a";
  private static final String CARD_NUMBER = "4111111111111111";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void neitherThePasswordNorARedactedValueAppearsInAnyOutputFileOrKey(RedisServer redis)
      throws Exception {
    String url = protectedUrl(redis);
    List<String> outputs = new ArrayList<>();

    try (ChildJvm worker = startWorker(url);
        AgentJvm app = startApplication(url)) {
      worker.awaitLine(line -> line.contains("running handlers"), TIMEOUT);
      app.awaitLine("DONE", TIMEOUT);
      worker.awaitLine(line -> line.contains("HANDLED") && line.contains("edsger"), TIMEOUT);
      for (List<String> command :
          List.of(
              List.of("tail", "logs", "info", "--from-start", "--json", "--count", "3"),
              List.of("stats"),
              List.of("groups"))) {
        outputs.add(runCli(url, command));
      }
      outputs.add(app.output());
      outputs.add(worker.output());
    }
    outputs.add(filesUnder(work));
    String redisContents = everyValue(redis);

    assertThat(redisContents).contains("\"password\":\"***\"").contains("\"cardNumber\":\"***\"");
    assertThat(outputs.get(0)).contains("signup");
    for (String text : append(outputs, redisContents)) {
      assertThat(text).doesNotContain(REDIS_PASSWORD, USER_PASSWORD, CARD_NUMBER);
    }
  }

  /** Creates a user with every right and a password, and returns its URL. */
  private static String protectedUrl(RedisServer redis) {
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      streams.execute("ACL", "SETUSER", "app", "on", ">" + REDIS_PASSWORD, "~*", "&*", "+@all");
      streams.execute("ACL", "SETUSER", "default", "off");
    }
    return "redis://app:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.port();
  }

  private AgentJvm startApplication(String url) throws IOException {
    String arguments = "redis.url=" + url + ",service=signup,spool.dir=" + work.resolve("spool");
    return AgentJvm.startMain(
        SignupApp.class, arguments, work.resolve("app.log"), USER_PASSWORD, CARD_NUMBER);
  }

  private ChildJvm startWorker(String url) throws IOException {
    return ChildJvm.start(
        WorkerMain.class,
        List.of(
            "-Dfiretap.redis.url=" + url,
            "-Dfiretap.spool.dir=" + work.resolve("worker-spool"),
            "-XX:TieredStopAtLevel=1"),
        List.of("--class", EchoHandler.class.getName(), "--set", "startFrom=beginning"),
        work.resolve("worker.log"));
  }

  private String runCli(String url, List<String> command) throws Exception {
    Path output = work.resolve("cli-" + command.get(0) + ".log");
    try (ChildJvm cli =
        ChildJvm.start(
            FiretapCli.class,
            List.of("-Dfiretap.redis.url=" + url, "-XX:TieredStopAtLevel=1"),
            command,
            output)) {
      assertThat(cli.awaitExit(TIMEOUT)).as(cli.output()).isZero();
      return cli.output();
    }
  }

  /** The text of every file under {@code directory}: logs, spool segments, cursors. */
  private static String filesUnder(Path directory) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  /** Every key of the Redis and its value, as text; the default user is turned on to read them. */
  private static String everyValue(RedisServer redis) {
    StringBuilder text = new StringBuilder();
    try (RedisStreams streams =
        RedisStreams.connect("redis://app:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.port())) {
      for (String key : streams.commands().keys("*")) {
        text.append(key).append('=').append(value(streams, key)).append('\n');
      }
      streams.execute("ACL", "SETUSER", "default", "on");
    }
    return text.toString();
  }

  private static String value(RedisStreams streams, String key) {
    return switch (streams.commands().type(key)) {
      case "stream" -> streams.commands().xrange(key, Range.create("-", "+")).toString();
      case "hash" -> streams.hash(key).toString();
      case "string" -> streams.commands().get(key);
      case "set" -> streams.commands().smembers(key).toString();
      case "zset" -> streams.commands().zrange(key, 0, -1).toString();
      case "list" -> streams.commands().lrange(key, 0, -1).toString();
      default -> "";
    };
  }

  private static List<String> append(List<String> texts, String more) {
    List<String> all = new ArrayList<>(texts);
    all.add(more);
    return all;
  }
}
