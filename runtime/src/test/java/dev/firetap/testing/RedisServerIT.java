package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisServerIT {
  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);

  private static RedisClient client;

  private RedisServer server;

  @BeforeAll
  static void createClient() {
    client = RedisClient.create();
  }

  @AfterAll
  static void shutDownClient() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void startedServerAnswersPingAtItsUrl() {
    server = RedisServer.start();

    try (StatefulRedisConnection<String, String> connection = connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
    }
    assertThat(server.url()).isEqualTo("redis://127.0.0.1:" + server.port());
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  void flushAllDeletesEveryKeyInEveryDatabase() {
    server = RedisServer.start();
    try (StatefulRedisConnection<String, String> connection = connect()) {
      RedisCommands<String, String> commands = connection.sync();
      commands.set("in-database-0", "value");
      commands.select(3);
      commands.set("in-database-3", "value");

      server.flushAll();

      assertThat(commands.dbsize()).isZero();
      commands.select(0);
      assertThat(commands.dbsize()).isZero();
    }
  }

  @Test
  void restartAfterKillServesAgainOnTheSamePort() {
    server = RedisServer.start();
    int port = server.port();

    server.kill();
    boolean runningAfterKill = server.isRunning();
    server.restart();

    assertThat(runningAfterKill).isFalse();
    assertThat(server.port()).isEqualTo(port);
    try (StatefulRedisConnection<String, String> connection = connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
    }
  }

  @Test
  void restartFailsNamingThePortWhileAnotherProcessHoldsIt() throws IOException {
    server = RedisServer.start();
    server.kill();

    try (ServerSocket squatter = new ServerSocket(server.port(), 1, loopback())) {
      Throwable thrown = catchThrowable(server::restart);

      assertThat(thrown)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + squatter.getLocalPort())
          .hasMessageContaining("still in use");
    }
  }

  @Test
  void frozenServerTimesOutCommandsUntilThawed() {
    server = RedisServer.start();
    try (StatefulRedisConnection<String, String> connection = connect()) {
      RedisCommands<String, String> commands = connection.sync();

      server.freeze();

      assertThat(server.isFrozen()).isTrue();
      assertThatThrownBy(commands::ping).isInstanceOf(RedisCommandTimeoutException.class);

      server.thaw();

      assertThat(server.isFrozen()).isFalse();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(commands.ping()).isEqualTo("PONG"));
    }
  }

  @Test
  void extraArgumentsReachTheServer() {
    server = RedisServer.start("--maxmemory 10mb", "--maxmemory-policy", "noeviction");

    try (StatefulRedisConnection<String, String> connection = connect()) {
      Map<String, String> config = connection.sync().configGet("maxmemory*");

      assertThat(config)
          .containsEntry("maxmemory", "10485760")
          .containsEntry("maxmemory-policy", "noeviction");
    }
  }

  @Test
  void failedStartReportsTheLastLinesOfTheServerLog() {
    assertThatThrownBy(() -> RedisServer.start("--no-such-directive", "1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited during start")
        .hasMessageContaining("no-such-directive");
  }

  @Test
  void stoppedServerNoLongerAcceptsConnections() {
    server = RedisServer.start();

    server.stop();

    assertThat(server.isRunning()).isFalse();
    assertThat(RedisSocket.answersPing(server.port(), CLIENT_TIMEOUT)).isFalse();
  }

  private static InetAddress loopback() throws IOException {
    return InetAddress.getByName("127.0.0.1");
  }

  private StatefulRedisConnection<String, String> connect() {
    RedisURI uri = RedisURI.create(server.url());
    uri.setTimeout(CLIENT_TIMEOUT);
    return client.connect(uri);
  }
}
