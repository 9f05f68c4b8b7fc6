package dev.firetap.redis;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finds keys with SCAN, which, unlike KEYS, never blocks Redis for long. */
public final class KeyScan {
  private static final int PAGE = 1000;

  private KeyScan() {}

  /** The names of the streams matching the glob {@code pattern}, in no particular order. */
  public static List<String> streams(
      RedisClusterCommands<byte[], byte[]> commands, String pattern) {
    KeyScanArgs args = KeyScanArgs.Builder.matches(pattern).type("stream").limit(PAGE);
    List<String> keys = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<byte[]> page = commands.scan(cursor, args);
      page.getKeys().forEach(key -> keys.add(new String(key, StandardCharsets.UTF_8)));
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }
}
