package dev.firetap.handler.internal;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The script raise-handled.lua, which raises the handled commit times of documents and never lowers
 * them. It runs by its SHA-1 (EVALSHA); with its body (EVAL) only when Redis does not know it yet.
 */
final class RaiseHandledScript {
  private static final byte[] BODY = read("raise-handled.lua");
  private static final String SHA = sha1(BODY);

  private RaiseHandledScript() {}

  /**
   * Queues the script on the hash {@code handled} with {@code args}: the retention in milliseconds,
   * then pairs of document path and commit time in microseconds.
   *
   * @param withBody true to send the body (EVAL), which also makes Redis cache it
   */
  static void queue(
      RedisAsyncCommands<byte[], byte[]> commands,
      byte[] handled,
      byte[][] args,
      boolean withBody) {
    byte[][] keys = {handled};
    if (withBody) {
      commands.eval(BODY, ScriptOutputType.INTEGER, keys, args);
    } else {
      commands.evalsha(SHA, ScriptOutputType.INTEGER, keys, args);
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = RaiseHandledScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the Firetap runtime jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the Firetap runtime jar", e);
    }
  }

  private static String sha1(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM offers no SHA-1, which every JVM must", e);
    }
  }
}
