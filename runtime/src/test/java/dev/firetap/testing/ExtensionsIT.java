package dev.firetap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@WithRedis
@WithFirestoreEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionsIT {
  private static final String KEY = "extensions-it";
  private static final String DOCUMENT = "rig/extensions-it";

  private static RedisClient client;
  private static int firstPort;

  private final RedisServer redis;

  ExtensionsIT(RedisServer redis) {
    this.redis = redis;
  }

  @BeforeAll
  static void createClient() {
    client = RedisClient.create();
  }

  @AfterAll
  static void shutDownClient() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  @Order(1)
  void firstTestWritesToBothServersAndFreezesRedis(Firestore firestore) throws Exception {
    firstPort = redis.port();
    try (StatefulRedisConnection<String, String> connection = client.connect(redisUri())) {
      connection.sync().set(KEY, "written by the first test");
    }
    firestore.document(DOCUMENT).set(Map.of("writer", "first test")).get();

    redis.freeze();

    assertThat(redis.isFrozen()).isTrue();
  }

  @Test
  @Order(2)
  void secondTestFindsRedisThawedAndBothServersWiped(Firestore firestore) throws Exception {
    try (StatefulRedisConnection<String, String> connection = client.connect(redisUri())) {
      String value = connection.sync().get(KEY);
      boolean documentExists = firestore.document(DOCUMENT).get().get().exists();

      assertThat(value).isNull();
      assertThat(documentExists).isFalse();
    }

    redis.kill();

    assertThat(redis.isRunning()).isFalse();
  }

  @Test
  @Order(3)
  void thirdTestFindsKilledRedisRestartedOnTheSamePort(RedisServer injected) {
    try (StatefulRedisConnection<String, String> connection = client.connect(redisUri())) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
    }
    assertThat(injected).isSameAs(redis);
    assertThat(redis.port()).isEqualTo(firstPort);
  }

  @Test
  @Order(4)
  void injectsTheSharedEmulatorAndAClientForTheDefaultProject(
      FirestoreEmulator emulator, Firestore firestore) {
    FirestoreOptions options = firestore.getOptions();

    assertThat(options.getProjectId()).isEqualTo(FirestoreEmulator.DEFAULT_PROJECT_ID);
    assertThat(options.getEmulatorHost()).isEqualTo(emulator.hostAndPort());
  }

  private RedisURI redisUri() {
    RedisURI uri = RedisURI.create(redis.url());
    uri.setTimeout(Duration.ofSeconds(2));
    return uri;
  }
}
