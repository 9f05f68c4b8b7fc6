package dev.firetap.config;

import dev.firetap.redis.RedisEndpoint;
import dev.firetap.redis.StreamKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The validated Firetap settings. Each component is one setting of {@link Settings#all()}; see
 * docs/configuration.md for what each does.
 *
 * <p>Obtain instances from {@link #load()}, {@link #load(String)}, {@link #fromMap(Map)} or {@link
 * #defaults()}, which validate every value; the canonical constructor only rejects nulls.
 *
 * @param enabled firetap.enabled
 * @param redis firetap.redis.url
 * @param redisTimeout firetap.redis.timeout
 * @param redisWaitReplicas firetap.redis.wait-replicas
 * @param redisWaitTimeout firetap.redis.wait-timeout
 * @param prefix firetap.prefix
 * @param service firetap.service
 * @param queueCapacity firetap.queue.capacity
 * @param batchSize firetap.batch.size
 * @param threadsNice firetap.threads.nice
 * @param spoolDir firetap.spool.dir
 * @param spoolMaxBytes firetap.spool.max-bytes
 * @param logsMaxLen firetap.logs.maxlen
 * @param cdcMaxLen firetap.cdc.maxlen
 * @param cdcShards firetap.cdc.shards
 * @param cdcSnapshots firetap.cdc.snapshots
 * @param cdcInclude firetap.cdc.include
 * @param cdcExclude firetap.cdc.exclude
 * @param handlersDlqMaxLen firetap.handlers.dlq-maxlen
 * @param statsRetentionDays firetap.stats.retention-days
 * @param errorsEnabled firetap.errors.enabled
 * @param errorsCollection firetap.errors.collection
 * @param redactFields firetap.redact.fields
 * @param mdcUserId firetap.mdc.user-id
 * @param shutdownTimeout firetap.shutdown.timeout
 * @param consoleBind firetap.console.bind
 * @param consolePort firetap.console.port
 * @param consoleToken firetap.console.token; empty means a random one is made at each start
 */
public record FiretapConfig(
    boolean enabled,
    RedisEndpoint redis,
    Duration redisTimeout,
    int redisWaitReplicas,
    Duration redisWaitTimeout,
    String prefix,
    String service,
    int queueCapacity,
    int batchSize,
    int threadsNice,
    Path spoolDir,
    long spoolMaxBytes,
    long logsMaxLen,
    long cdcMaxLen,
    int cdcShards,
    SnapshotMode cdcSnapshots,
    List<String> cdcInclude,
    List<String> cdcExclude,
    long handlersDlqMaxLen,
    int statsRetentionDays,
    boolean errorsEnabled,
    String errorsCollection,
    List<String> redactFields,
    String mdcUserId,
    Duration shutdownTimeout,
    String consoleBind,
    int consolePort,
    Secret consoleToken) {
  /**
   * Rejects null components and copies the lists; values are validated by the factory methods, not
   * here.
   */
  public FiretapConfig {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(redisTimeout, "redisTimeout");
    Objects.requireNonNull(redisWaitTimeout, "redisWaitTimeout");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(spoolDir, "spoolDir");
    Objects.requireNonNull(cdcSnapshots, "cdcSnapshots");
    cdcInclude = List.copyOf(cdcInclude);
    cdcExclude = List.copyOf(cdcExclude);
    Objects.requireNonNull(errorsCollection, "errorsCollection");
    redactFields = List.copyOf(redactFields);
    Objects.requireNonNull(mdcUserId, "mdcUserId");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(consoleBind, "consoleBind");
    Objects.requireNonNull(consoleToken, "consoleToken");
  }

  /** The names of Firetap's streams, counters and channels under these settings. */
  public StreamKeys streamKeys() {
    return new StreamKeys(prefix, redis.cluster(), cdcShards);
  }

  /**
   * Loads the settings from system properties and environment variables; see {@link #load(String)}.
   *
   * @throws FiretapConfigException if a value is invalid or a {@code firetap.*} system property
   *     names no setting
   */
  public static FiretapConfig load() {
    return load(null);
  }

  /**
   * Loads the settings from agent arguments, system properties and environment variables, in that
   * order of precedence, with the defaults for the rest. {@code FIRETAP_*} environment variables
   * that name no setting are ignored; see {@link #ignoredEnvironmentVariables()}.
   *
   * @param agentArguments {@code name=value} pairs separated by ',', names with or without {@code
   *     firetap.}; null or blank means none
   * @throws FiretapConfigException listing, one per line, every invalid value, unknown name and
   *     malformed agent argument
   */
  public static FiretapConfig load(String agentArguments) {
    return ConfigLoader.ofThisProcess().load(agentArguments);
  }

  /** Every setting at its default. */
  public static FiretapConfig defaults() {
    return fromMap(Map.of());
  }

  /**
   * The configuration made of these settings and the defaults only; system properties and
   * environment variables are not read. For tests and for embedding Firetap.
   *
   * @param settings values by full name, e.g. {@code firetap.batch.size}
   * @throws FiretapConfigException listing every invalid value and unknown name
   */
  public static FiretapConfig fromMap(Map<String, String> settings) {
    Objects.requireNonNull(settings, "settings");
    return ConfigLoader.ofThisProcess().fromMap(settings);
  }

  /**
   * A copy of this configuration with one setting changed.
   *
   * @param setting the name, e.g. {@code firetap.batch.size} or {@code batch.size}
   * @param value the new value as text, e.g. {@code 1000}
   * @throws FiretapConfigException if the name is unknown or the value invalid
   */
  public FiretapConfig with(String setting, String value) {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(value, "value");
    return ConfigLoader.ofThisProcess().with(this, setting, value);
  }

  /**
   * One line with every setting that differs from its default, e.g. {@code firetap.batch.size=1000,
   * firetap.redis.url=rediss://cache:6380/0 (with credentials)}, or {@code all defaults}. Never
   * shows credentials.
   */
  public String describe() {
    Map<Setting<?>, Object> defaults = ConfigValues.of(defaults());
    String changed =
        ConfigValues.of(this).entrySet().stream()
            .filter(value -> !value.getValue().equals(defaults.get(value.getKey())))
            .map(value -> value.getKey().name() + "=" + value.getKey().format(value.getValue()))
            .collect(Collectors.joining(", "));
    return changed.isEmpty() ? "all defaults" : changed;
  }

  /**
   * The {@code FIRETAP_*} environment variables of this process that name no setting, sorted, so
   * the caller can log them; {@link #load()} ignores them because other tools may use the prefix.
   */
  public List<String> ignoredEnvironmentVariables() {
    return ConfigLoader.ofThisProcess().ignoredEnvironmentVariables();
  }
}
