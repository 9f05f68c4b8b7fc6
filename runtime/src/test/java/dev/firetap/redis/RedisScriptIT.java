package dev.firetap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.testing.RedisServer;
import dev.firetap.testing.WithRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WithRedis
class RedisScriptIT {
  private static final RedisScript LOOK_UP =
      RedisScript.load(dev.firetap.handler.internal.HandlerLoop.class, "look-up-completions.lua");

  @Test
  void aScriptRedisDoesNotKnowIsSentWholeEvenInsideAPipelineThatIsNotFlushedAgain(
      RedisServer server) throws Exception {
    RedisClient client = RedisClient.create(server.url());
    try (StatefulRedisConnection<byte[], byte[]> connection =
        client.connect(ByteArrayCodec.INSTANCE)) {
      connection.sync().scriptFlush();
      // A pipeline as the handler's reader and the emitter send them: automatic flushing off, one
      // flush, and the caller waits for the reply before anything else is written.
      connection.setAutoFlushCommands(false);
      CompletionStage<Object> reply =
          LOOK_UP.run(
              connection.async(),
              ScriptOutputType.MULTI,
              new byte[][] {bytes("done:1"), bytes("handled:1")},
              bytes("1"),
              bytes("event-1"),
              bytes("orders/o1"));
      connection.flushCommands();

      Object result = reply.toCompletableFuture().get(5, TimeUnit.SECONDS);

      assertThat(result).asList().hasSize(2);
    } finally {
      client.shutdown();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
