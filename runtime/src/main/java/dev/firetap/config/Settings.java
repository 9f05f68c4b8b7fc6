package dev.firetap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Firetap setting, in documentation order: the single source of truth for names, defaults and
 * rules. A new setting is one entry here plus one component of {@link FiretapConfig} named by the
 * entry.
 */
public final class Settings {
  private static final List<Setting<?>> ALL =
      List.of(
          Setting.of(
              "firetap.enabled",
              "enabled",
              Rules.bool(),
              "true",
              "Turns all of Firetap off (nothing is captured, emitted or stored)."),
          Setting.of(
              "firetap.redis.url",
              "redis",
              Rules.redisUrl(),
              "redis://127.0.0.1:6379",
              "Where events go."),
          Setting.of(
              "firetap.redis.timeout",
              "redisTimeout",
              Rules.duration(Duration.ofMillis(10), Duration.ofMinutes(10)),
              "5s",
              "How long one Redis command may take before the emitter treats Redis as"
                  + " unreachable."),
          Setting.of(
              "firetap.redis.wait-replicas",
              "redisWaitReplicas",
              Rules.wholeNumber(0, 16),
              "0",
              "After each batch the emitter writes, wait until this many replicas have it (Redis"
                  + " WAIT); 0 does not wait. Costs a replication round trip per batch."),
          Setting.of(
              "firetap.redis.wait-timeout",
              "redisWaitTimeout",
              Rules.duration(Duration.ofMillis(1), Duration.ofMinutes(1)),
              "1s",
              "How long the WAIT of firetap.redis.wait-replicas may take; a batch that reached"
                  + " fewer replicas in time is sent again (duplicates are skipped)."),
          Setting.of(
              "firetap.prefix",
              "prefix",
              Rules.name(64),
              "firetap",
              "First segment of every Redis key and channel."),
          Setting.computed(
              "firetap.service",
              "service",
              Rules.name(128),
              "the main class's simple name",
              jvm -> ServiceName.fromJavaCommand(jvm.get("sun.java.command")),
              "Written into every event's source."),
          Setting.of(
              "firetap.queue.capacity",
              "queueCapacity",
              Rules.wholeNumber(1024, 16_777_216),
              "262144",
              "Events held in memory between the application threads and the sender (when full,"
                  + " new events are dropped and counted)."),
          Setting.of(
              "firetap.batch.size",
              "batchSize",
              Rules.wholeNumber(1, 10_000),
              "512",
              "Events per pipelined write to Redis."),
          Setting.of(
              "firetap.threads.nice",
              "threadsNice",
              Rules.wholeNumber(0, 19),
              "19",
              "On Linux, the nice value of Firetap's background threads in the application"
                  + " (capture, sender and its Redis I/O): when they and the"
                  + " application's threads want the same cores, the application's run first. 0"
                  + " runs them at the application's priority; a value in between gives them a"
                  + " larger share of cores that stay busy for long."),
          Setting.computed(
              "firetap.spool.dir",
              "spoolDir",
              Rules.path(),
              "${user.home}/.firetap/spool",
              Settings::defaultSpoolDir,
              "Where events wait on disk while Redis is unreachable (kept across restarts; one"
                  + " subfolder per service)."),
          Setting.of(
              "firetap.spool.max-bytes",
              "spoolMaxBytes",
              Rules.size(1L << 20, 1L << 40),
              "512MB",
              "The spool's size limit, beyond which events are dropped and counted."),
          Setting.of(
              "firetap.logs.maxlen",
              "logsMaxLen",
              Rules.wholeNumber(100L, 1_000_000_000L),
              "100000",
              "Approximate length cap of each firetap:logs:<level> stream (MAXLEN ~)."),
          Setting.of(
              "firetap.cdc.maxlen",
              "cdcMaxLen",
              Rules.wholeNumber(1000L, 1_000_000_000L),
              "1000000",
              "Approximate length cap of each firetap:cdc:<collection> stream (MAXLEN ~). About"
                  + " 1 KB of Redis memory per entry, so 1,000,000 is about 1 GB per busy"
                  + " collection; lower it for small Redis instances, and keep it above the"
                  + " longest backlog a handler may fall behind."),
          Setting.of(
              "firetap.cdc.shards",
              "cdcShards",
              Rules.wholeNumber(1, 1024),
              "1",
              "Change streams per collection: 1 keeps firetap:cdc:<collection>; N spreads a"
                  + " collection over firetap:cdc:<collection>:<0..N-1> by document path, so a"
                  + " cluster spreads them over its masters. Every emitter and worker of a"
                  + " deployment must use the same value."),
          Setting.of(
              "firetap.cdc.snapshots",
              "cdcSnapshots",
              Rules.snapshotMode(),
              "exact",
              "How the agent fills before and after of a change event: exact reads the written"
                  + " documents at the commit time and just before it, except what the request"
                  + " states (up to 2 document reads per written document: none for a create, 1"
                  + " for a plain set or a delete); none takes after from the write request and"
                  + " leaves before null (no reads)."),
          Setting.computed(
              "firetap.cdc.include",
              "cdcInclude",
              Rules.collectionGlobs(),
              "*",
              jvm -> "*",
              "Collection ids whose writes the agent captures: globs where * matches any"
                  + " characters and ? one, separated by ',' (by ';' in agent arguments)."),
          Setting.computed(
              "firetap.cdc.exclude",
              "cdcExclude",
              Rules.collectionGlobs(),
              "none",
              jvm -> "",
              "Collection ids whose writes the agent never captures, even when included: globs"
                  + " as in firetap.cdc.include. Writes to firetap.errors.collection are never"
                  + " captured."),
          Setting.of(
              "firetap.handlers.dlq-maxlen",
              "handlersDlqMaxLen",
              Rules.wholeNumber(100L, 1_000_000_000L),
              "100000",
              "Approximate length cap of each handler's dead-letter stream firetap:dlq:<handlerId>"
                  + " (MAXLEN ~): beyond it the oldest dead letters are dropped, with a WARN."),
          Setting.of(
              "firetap.stats.retention-days",
              "statsRetentionDays",
              Rules.wholeNumber(1, 36_500),
              "400",
              "How long firetap:stats:<date> hashes are kept."),
          Setting.of(
              "firetap.errors.enabled",
              "errorsEnabled",
              Rules.bool(),
              "true",
              "Whether error-level logs are also stored permanently as documents of the Firestore"
                  + " collection firetap.errors.collection."),
          Setting.of(
              "firetap.errors.collection",
              "errorsCollection",
              Rules.collectionId(),
              "firetap_errors",
              "The Firestore collection whose documents store error-level logs permanently."),
          Setting.of(
              "firetap.redact.fields",
              "redactFields",
              Rules.nameList(128),
              "password,passwd,secret,token,accessToken,refreshToken,apiKey,authorization,"
                  + "cardNumber,cvv,cvc,ssn,phoneNumber",
              "Map keys and fields written as *** by @Logged and @CaptureChange, in any case."),
          Setting.of(
              "firetap.mdc.user-id",
              "mdcUserId",
              Rules.name(128),
              "userId",
              "The logging MDC key that gives the user id of annotated calls whose annotation has"
                  + " no userId expression."),
          Setting.of(
              "firetap.shutdown.timeout",
              "shutdownTimeout",
              Rules.duration(Duration.ZERO, Duration.ofMinutes(10)),
              "5s",
              "How long close() may spend delivering what is queued."),
          Setting.of(
              "firetap.console.bind",
              "consoleBind",
              Rules.hostAddress(),
              "127.0.0.1",
              "The address the console listens on; 0.0.0.0 or :: for every interface."),
          Setting.of(
              "firetap.console.port",
              "consolePort",
              Rules.wholeNumber(0, 65_535),
              "8086",
              "The console's port; 0 takes a free port."),
          Setting.computed(
              "firetap.console.token",
              "consoleToken",
              Rules.secretToken(8, 256),
              "a random 128-bit token made at each start",
              jvm -> "",
              "The token every console request must carry; never shown in logs."));

  private static final Map<String, Setting<?>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Setting::name, Function.identity()));

  private static final Map<String, Setting<?>> BY_ENVIRONMENT_VARIABLE =
      ALL.stream()
          .collect(Collectors.toUnmodifiableMap(Setting::environmentVariable, Function.identity()));

  private Settings() {}

  /** Every setting, in documentation order. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /** The setting with this full name, e.g. {@code firetap.batch.size}; empty if there is none. */
  public static Optional<Setting<?>> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The setting read from this environment variable; empty if there is none. */
  static Optional<Setting<?>> forEnvironmentVariable(String variable) {
    return Optional.ofNullable(BY_ENVIRONMENT_VARIABLE.get(variable));
  }

  /** The full name of the setting whose name is closest to {@code name} by edit distance. */
  static String closestName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String full = wanted.startsWith("firetap.") ? wanted : "firetap." + wanted;
    return ALL.stream()
        .map(Setting::name)
        .min(Comparator.comparingInt(candidate -> editDistance(full, candidate)))
        .orElseThrow();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String defaultSpoolDir(Map<String, String> systemProperties) {
    String home = systemProperties.getOrDefault("user.home", ".");
    return Path.of(home, ".firetap", "spool").toString();
  }
}
