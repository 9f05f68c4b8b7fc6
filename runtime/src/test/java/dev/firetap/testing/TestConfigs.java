package dev.firetap.testing;

import dev.firetap.config.FiretapConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configurations for tests: a private Redis, a private spool folder, short timeouts. */
public final class TestConfigs {
  private TestConfigs() {}

  /**
   * Settings pointing at {@code redis} with the spool in {@code spoolDir}; {@code extra} holds more
   * {@code firetap.*} settings as name, value pairs.
   */
  public static FiretapConfig forRedis(RedisServer redis, Path spoolDir, String... extra) {
    return forUrl(redis.url(), spoolDir, extra);
  }

  /** Settings pointing at {@code cluster}, as {@link #forRedis} does for one server. */
  public static FiretapConfig forCluster(RedisCluster cluster, Path spoolDir, String... extra) {
    return forUrl(cluster.url(), spoolDir, extra);
  }

  /**
   * Settings pointing at {@code cluster} with {@code shards} change streams per collection, a 2 s
   * Redis timeout for commands that wait for a cluster node's connection, and error logs kept in
   * Redis only (these tests have no Firestore).
   */
  public static FiretapConfig forShardedCluster(RedisCluster cluster, Path spoolDir, int shards) {
    return forCluster(
        cluster,
        spoolDir,
        "firetap.cdc.shards",
        Integer.toString(shards),
        "firetap.redis.timeout",
        "2s",
        "firetap.errors.enabled",
        "false");
  }

  private static FiretapConfig forUrl(String url, Path spoolDir, String... extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("firetap.redis.url", url);
    settings.put("firetap.spool.dir", spoolDir.toString());
    settings.put("firetap.service", "firetap-test");
    settings.put("firetap.redis.timeout", "1s");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      settings.put(extra[i], extra[i + 1]);
    }
    return FiretapConfig.fromMap(settings);
  }
}
