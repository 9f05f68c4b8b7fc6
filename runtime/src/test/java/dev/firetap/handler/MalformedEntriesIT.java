package dev.firetap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firetap.event.EventCodec;
import dev.firetap.event.Operation;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.TestConfigs;
import dev.firetap.testing.WithRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream entries that are not events — random bytes, cut JSON, fields of the wrong type, huge
 * values, no {@code event} field — reach a handler among well-formed ones: each goes to the dead
 * letters with attempt 0, the loop never stops, and every well-formed neighbour is handled.
 */
@WithRedis
class MalformedEntriesIT {
  private static final String STREAM = "firetap:cdc:orders";
  private static final int ROUNDS = 20;
  private static final int HUGE = 512 << 10;

  /** One generator per kind of malformed entry: the fields of a stream entry. */
  private static final List<Function<Random, Map<String, byte[]>>> MALFORMED =
      List.of(
          random -> event(randomBytes(random, 1 + random.nextInt(300))),
          random -> event(truncated(random)),
          random -> event(mutated(random, "\"op\":\"update\"", "\"op\":42")),
          random -> event(mutated(random, "\"after\":{", "\"after\":[{")),
          random -> event(mutated(random, "\"commitTime\":\"", "\"commitTime\":true,\"x\":\"")),
          random ->
              event(mutated(random, "\"op\":\"update\"", "\"op\":\"" + "U".repeat(HUGE) + "\"")),
          random -> event(text("[" + validJson("x", random) + "]")),
          random -> event(new byte[0]),
          random -> Map.of("payload", text(validJson("x", random))));

  @TempDir Path spool;

  @Test
  void deadLettersEveryMalformedEntryAndHandlesEveryWellFormedNeighbour(RedisServer server) {
    Random random = new Random(8);
    List<String> handled = new CopyOnWriteArrayList<>();
    List<String> expected = new ArrayList<>();
    int malformed = 0;
    try (RedisClient client = RedisClient.create(server.url());
        StatefulRedisConnection<byte[], byte[]> connection =
            client.connect(ByteArrayCodec.INSTANCE)) {
      for (int round = 0; round < ROUNDS; round++) {
        for (Function<Random, Map<String, byte[]>> entry : MALFORMED) {
          add(connection, entry.apply(random));
          malformed++;
        }
        String document = "o" + round;
        add(connection, wellFormed(document, round, random));
        expected.add(document);
      }
    }
    HandlerRuntime.Builder builder =
        HandlerRuntime.builder(TestConfigs.forRedis(server, spool))
            .onChange(
                "fuzzed",
                "orders",
                Set.of(Operation.values()),
                (e, d) -> handled.add(e.documentId()))
            .options("fuzzed", TestEvents.quick());

    try (HandlerRuntime runtime = builder.start()) {
      int letters = malformed;
      await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= ROUNDS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> runtime.deadLetters("fuzzed").size() == letters);

      assertThat(handled).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(runtime.deadLetters("fuzzed")).allSatisfy(l -> assertThat(l.attempts()).isZero());
      assertThat(runtime.lag()).allSatisfy(lag -> assertThat(lag.pending()).isZero());
    }
  }

  /** A change event with unknown fields and extra entry fields, which must still be handled. */
  private static Map<String, byte[]> wellFormed(String document, int n, Random random) {
    String json = EventCodec.toJson(TestEvents.order(document, n));
    String extended = "{\"futureField\":{\"a\":[1,2]}," + json.substring(1);
    Map<String, byte[]> fields = new HashMap<>(event(text(extended)));
    fields.put("traceparent", randomBytes(random, 16));
    return fields;
  }

  private static String validJson(String document, Random random) {
    return EventCodec.toJson(TestEvents.order(document, random.nextInt(1000)));
  }

  /** A valid event with {@code from} replaced by {@code to}; fails when {@code from} is absent. */
  private static byte[] mutated(Random random, String from, String to) {
    String json = validJson("x", random);
    if (!json.contains(from)) {
      throw new IllegalStateException("no '" + from + "' in " + json);
    }
    return text(json.replace(from, to));
  }

  private static byte[] truncated(Random random) {
    byte[] json = text(validJson("x", random));
    byte[] cut = new byte[1 + random.nextInt(json.length - 2)];
    System.arraycopy(json, 0, cut, 0, cut.length);
    return cut;
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static Map<String, byte[]> event(byte[] value) {
    return Map.of("event", value);
  }

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static void add(
      StatefulRedisConnection<byte[], byte[]> connection, Map<String, byte[]> fields) {
    Map<byte[], byte[]> body = new HashMap<>();
    fields.forEach((name, value) -> body.put(text(name), value));
    connection.sync().xadd(text(STREAM), body);
  }
}
