package dev.firetap.redis;

import io.lettuce.core.AbstractRedisAsyncCommands;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script shipped in the Firetap jar, run by its SHA-1 digest (EVALSHA) so that only the
 * digest travels with each call, and sent whole (EVAL) when Redis does not know it yet, as after a
 * restart empties its script cache.
 */
public final class RedisScript {
  private final String name;
  private final byte[] source;
  private final String digest;

  private RedisScript(String name, byte[] source) {
    this.name = name;
    this.source = source;
    this.digest = sha1Hex(source);
  }

  /**
   * The script {@code resource}, found next to {@code anchor} in the jar.
   *
   * @throws IllegalStateException when the jar lacks it
   */
  public static RedisScript load(Class<?> anchor, String resource) {
    Objects.requireNonNull(anchor, "anchor");
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the Firetap runtime jar");
      }
      return new RedisScript(resource, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource + " from the Firetap runtime jar", e);
    }
  }

  /**
   * Runs the script with {@code keys} and {@code arguments}.
   *
   * @return completes with the script's reply, or with the failure Redis gave
   */
  public <T> CompletionStage<T> run(
      RedisClusterAsyncCommands<byte[], byte[]> redis,
      ScriptOutputType output,
      byte[][] keys,
      byte[]... arguments) {
    return redis
        .<T>evalsha(digest, output, keys, arguments)
        .handle(
            (reply, failure) -> {
              if (failure == null) {
                return CompletableFuture.<T>completedFuture(reply);
              }
              Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
              if (failure instanceof RedisNoScriptException
                  || cause instanceof RedisNoScriptException) {
                return this.<T>sendWhole(redis, output, keys, arguments);
              }
              return CompletableFuture.<T>failedFuture(cause);
            })
        .thenCompose(stage -> stage);
  }

  /**
   * Sends the script whole, from the thread that received NOSCRIPT. The caller may be between
   * commands of a pipeline it sends in one write (automatic flushing off): then the EVAL would wait
   * in the connection's buffer for a write that never comes, since the caller waits for this very
   * reply. So it is flushed at once.
   */
  private <T> CompletionStage<T> sendWhole(
      RedisClusterAsyncCommands<byte[], byte[]> redis,
      ScriptOutputType output,
      byte[][] keys,
      byte[]... arguments) {
    CompletionStage<T> reply = redis.eval(source, output, keys, arguments);
    if (redis instanceof AbstractRedisAsyncCommands<?, ?> commands) {
      commands.getConnection().flushCommands();
    }
    return reply;
  }

  @Override
  public String toString() {
    return name + " (" + digest + ")";
  }

  private static String sha1Hex(byte[] script) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
