package dev.firetap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FiretapConfigTest {
  private static final Map<String, String> JVM =
      Map.of("user.home", "/home/ada", "sun.java.command", "com.example.OrderService --port 80");
  private static final String TIMEOUT_RULE =
      "a duration from 10ms to 10m (a whole number with unit ms, s, m or h, or ISO-8601 such as"
          + " PT5S)";
  private static final String WAIT_RULE =
      "a duration from 1ms to 1m (a whole number with unit ms, s, m or h, or ISO-8601 such as"
          + " PT5S)";
  private static final String SHUTDOWN_RULE =
      "a duration from 0s to 10m (a whole number with unit ms, s, m or h, or ISO-8601 such as"
          + " PT5S)";
  private static final String SIZE_RULE =
      "a size from 1MB to 1024GB (a whole number with optional unit B, KB, MB, GB, KiB, MiB or"
          + " GiB; 1KB = 1024B)";
  private static final String PREFIX_RULE = "1 to 64 characters of A-Z, a-z, 0-9, '_', '.' and '-'";
  private static final String SERVICE_RULE =
      "1 to 128 characters of A-Z, a-z, 0-9, '_', '.' and '-'";
  private static final String COLLECTION_RULE =
      "a Firestore collection id: 1 to 1500 bytes, no '/', not '.' or '..', not like __name__";

  private static final String REDACT_RULE =
      "names of 1 to 128 characters of A-Z, a-z, 0-9, '_', '.' and '-', separated by ','"
          + " (may be empty)";
  private static final String GLOB_RULE =
      "collection id globs separated by ',' or ';' (* any characters, ? one character, no '/'),"
          + " or nothing";

  private static final String BIND_RULE =
      "an IP address or a host name, such as 127.0.0.1, ::1, 0.0.0.0 or localhost";
  private static final String TOKEN_RULE =
      "nothing (a random token) or 8 to 256 characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'";

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        invalid("firetap.enabled", "yes", "must be true or false"),
        invalid("firetap.enabled", "", "must be true or false"),
        invalid(
            "firetap.redis.url",
            "http://x:6379",
            "must be redis://, rediss://, redis-cluster:// or rediss-cluster://"),
        invalid(
            "firetap.redis.url", "redis://:6379", "must name a host, as in redis://127.0.0.1:6379"),
        invalid("firetap.redis.url", "redis://h:0", "must have a port from 1 to 65535"),
        invalid(
            "firetap.redis.url",
            "redis://h/16",
            "must have a database from 0 to 15 after the host, as in /2"),
        invalid(
            "firetap.redis.url",
            "redis-cluster://h:7000/0",
            "must name no database in a cluster URL (a cluster has database 0 only)"),
        invalid("firetap.redis.wait-replicas", "-1", "must be a whole number from 0 to 16"),
        invalid("firetap.redis.wait-replicas", "17", "must be a whole number from 0 to 16"),
        invalid("firetap.redis.wait-timeout", "0ms", "must be " + WAIT_RULE),
        invalid("firetap.redis.wait-timeout", "2m", "must be " + WAIT_RULE),
        invalid("firetap.cdc.shards", "0", "must be a whole number from 1 to 1024"),
        invalid("firetap.cdc.shards", "1025", "must be a whole number from 1 to 1024"),
        invalid("firetap.redis.timeout", "5", "must be " + TIMEOUT_RULE),
        invalid("firetap.redis.timeout", "9ms", "must be " + TIMEOUT_RULE),
        invalid("firetap.redis.timeout", "11m", "must be " + TIMEOUT_RULE),
        invalid("firetap.redis.timeout", "PT0.001S", "must be " + TIMEOUT_RULE),
        invalid("firetap.prefix", "", "must be " + PREFIX_RULE),
        invalid("firetap.prefix", "fire:tap", "must be " + PREFIX_RULE),
        invalid("firetap.prefix", "p".repeat(65), "must be " + PREFIX_RULE),
        invalid("firetap.service", "order service", "must be " + SERVICE_RULE),
        invalid("firetap.service", "s".repeat(129), "must be " + SERVICE_RULE),
        invalid("firetap.queue.capacity", "12x", "must be a whole number from 1024 to 16777216"),
        invalid("firetap.queue.capacity", "1023", "must be a whole number from 1024 to 16777216"),
        invalid(
            "firetap.queue.capacity", "16777217", "must be a whole number from 1024 to 16777216"),
        invalid("firetap.batch.size", "0", "must be a whole number from 1 to 10000"),
        invalid("firetap.batch.size", "-1", "must be a whole number from 1 to 10000"),
        invalid("firetap.batch.size", "10001", "must be a whole number from 1 to 10000"),
        invalid("firetap.threads.nice", "-1", "must be a whole number from 0 to 19"),
        invalid("firetap.threads.nice", "20", "must be a whole number from 0 to 19"),
        invalid("firetap.threads.nice", "low", "must be a whole number from 0 to 19"),
        invalid("firetap.spool.dir", "", "must be a file system path"),
        invalid("firetap.spool.dir", "   ", "must be a file system path"),
        invalid("firetap.spool.dir", "spool\0dir", "must be a file system path"),
        invalid("firetap.spool.max-bytes", "1023KB", "must be " + SIZE_RULE),
        invalid("firetap.spool.max-bytes", "1025GB", "must be " + SIZE_RULE),
        invalid("firetap.spool.max-bytes", "1.5GB", "must be " + SIZE_RULE),
        invalid("firetap.spool.max-bytes", "5TB", "must be " + SIZE_RULE),
        invalid("firetap.spool.max-bytes", "99999999999999GB", "must be " + SIZE_RULE),
        invalid("firetap.logs.maxlen", "99", "must be a whole number from 100 to 1000000000"),
        invalid(
            "firetap.logs.maxlen", "1000000001", "must be a whole number from 100 to 1000000000"),
        invalid("firetap.logs.maxlen", "lots", "must be a whole number from 100 to 1000000000"),
        invalid("firetap.cdc.maxlen", "999", "must be a whole number from 1000 to 1000000000"),
        invalid("firetap.cdc.maxlen", "1e6", "must be a whole number from 1000 to 1000000000"),
        invalid("firetap.cdc.snapshots", "full", "must be exact or none"),
        invalid("firetap.cdc.snapshots", "", "must be exact or none"),
        invalid("firetap.cdc.include", "users/u1/orders", "must be " + GLOB_RULE),
        invalid("firetap.cdc.include", "orders,a/b", "must be " + GLOB_RULE),
        invalid("firetap.cdc.exclude", "/", "must be " + GLOB_RULE),
        invalid("firetap.cdc.exclude", "tmp;x/*", "must be " + GLOB_RULE),
        invalid(
            "firetap.handlers.dlq-maxlen", "99", "must be a whole number from 100 to 1000000000"),
        invalid(
            "firetap.handlers.dlq-maxlen",
            "1000000001",
            "must be a whole number from 100 to 1000000000"),
        invalid(
            "firetap.handlers.dlq-maxlen", "100k", "must be a whole number from 100 to 1000000000"),
        invalid("firetap.stats.retention-days", "0", "must be a whole number from 1 to 36500"),
        invalid("firetap.stats.retention-days", "36501", "must be a whole number from 1 to 36500"),
        invalid("firetap.errors.enabled", "on", "must be true or false"),
        invalid("firetap.errors.enabled", "1", "must be true or false"),
        invalid("firetap.errors.collection", "", "must be " + COLLECTION_RULE),
        invalid("firetap.errors.collection", "errors/today", "must be " + COLLECTION_RULE),
        invalid("firetap.errors.collection", ".", "must be " + COLLECTION_RULE),
        invalid("firetap.errors.collection", "..", "must be " + COLLECTION_RULE),
        invalid("firetap.errors.collection", "__errors__", "must be " + COLLECTION_RULE),
        invalid("firetap.errors.collection", "é".repeat(751), "must be " + COLLECTION_RULE),
        invalid("firetap.redact.fields", "password,,token", "must be " + REDACT_RULE),
        invalid("firetap.redact.fields", "card number", "must be " + REDACT_RULE),
        invalid("firetap.mdc.user-id", "", "must be " + SERVICE_RULE),
        invalid("firetap.mdc.user-id", "user id", "must be " + SERVICE_RULE),
        invalid("firetap.shutdown.timeout", "-1s", "must be " + SHUTDOWN_RULE),
        invalid("firetap.shutdown.timeout", "11m", "must be " + SHUTDOWN_RULE),
        invalid("firetap.shutdown.timeout", "5 seconds", "must be " + SHUTDOWN_RULE),
        invalid("firetap.console.bind", "", "must be " + BIND_RULE),
        invalid("firetap.console.bind", "local host", "must be " + BIND_RULE),
        invalid("firetap.console.bind", "256.0.0.1", "must be " + BIND_RULE),
        invalid("firetap.console.bind", "1.2.3", "must be " + BIND_RULE),
        invalid("firetap.console.bind", "fe80::g1", "must be " + BIND_RULE),
        invalid("firetap.console.bind", "-host", "must be " + BIND_RULE),
        invalid("firetap.console.port", "-1", "must be a whole number from 0 to 65535"),
        invalid("firetap.console.port", "65536", "must be a whole number from 0 to 65535"),
        invalidSecret("firetap.console.token", "short", TOKEN_RULE),
        invalidSecret("firetap.console.token", "with space in it", TOKEN_RULE),
        invalidSecret("firetap.console.token", "semi;colon=cookie", TOKEN_RULE),
        invalidSecret("firetap.console.token", "t".repeat(257), TOKEN_RULE));
  }

  private static Arguments invalid(String setting, String value, String requirement) {
    return Arguments.of(setting, value, setting + " " + requirement + ", got '" + value + "'");
  }

  private static Arguments invalidSecret(String setting, String value, String rule) {
    String message =
        setting
            + " must be "
            + rule
            + ", got "
            + value.length()
            + " characters (not shown: it is a secret)";
    return Arguments.of(setting, value, message);
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidValues")
  void rejectsInvalidValueNamingSettingValueAndRule(String setting, String value, String message) {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.fromMap(Map.of(setting, value)))
        .isInstanceOf(FiretapConfigException.class)
        .hasMessage(message);
  }

  @Test
  void coversEverySettingWithAtLeastTwoInvalidValues() {
    Map<Object, Long> rowsPerSetting =
        invalidValues().collect(Collectors.groupingBy(row -> row.get()[0], Collectors.counting()));

    assertThat(rowsPerSetting).hasSize(Settings.all().size());
    assertThat(rowsPerSetting.values()).allMatch(rows -> rows >= 2);
  }

  @Test
  void defaultsMatchTheDocumentedValues() {
    FiretapConfig config = new ConfigLoader(JVM, Map.of()).load(null);

    assertThat(config.enabled()).isTrue();
    assertThat(config.redis().redacted()).isEqualTo("redis://127.0.0.1:6379/0");
    assertThat(config.redisTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.prefix()).isEqualTo("firetap");
    assertThat(config.service()).isEqualTo("OrderService");
    assertThat(config.queueCapacity()).isEqualTo(262144);
    assertThat(config.batchSize()).isEqualTo(512);
    assertThat(config.spoolDir()).isEqualTo(Path.of("/home/ada/.firetap/spool"));
    assertThat(config.spoolMaxBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(config.logsMaxLen()).isEqualTo(100_000);
    assertThat(config.cdcMaxLen()).isEqualTo(1_000_000);
    assertThat(config.statsRetentionDays()).isEqualTo(400);
    assertThat(config.errorsEnabled()).isTrue();
    assertThat(config.errorsCollection()).isEqualTo("firetap_errors");
    assertThat(config.redactFields()).hasSize(13).startsWith("password", "passwd");
    assertThat(config.mdcUserId()).isEqualTo("userId");
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.consoleBind()).isEqualTo("127.0.0.1");
    assertThat(config.consolePort()).isEqualTo(8086);
    assertThat(config.consoleToken().isEmpty()).isTrue();
  }

  @Test
  void acceptsAddressesAndHostNamesToBindTheConsoleTo() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThat(loader.fromMap(Map.of("firetap.console.bind", "0.0.0.0")).consoleBind())
        .isEqualTo("0.0.0.0");
    assertThat(loader.fromMap(Map.of("firetap.console.bind", "[::1]")).consoleBind())
        .isEqualTo("::1");
    assertThat(loader.fromMap(Map.of("firetap.console.bind", "fe80::1")).consoleBind())
        .isEqualTo("fe80::1");
    assertThat(loader.fromMap(Map.of("firetap.console.bind", "console.internal")).consoleBind())
        .isEqualTo("console.internal");
  }

  @Test
  void neverShowsTheConsoleToken() {
    FiretapConfig config = FiretapConfig.fromMap(Map.of("firetap.console.token", "s3cret-token"));

    assertThat(config.consoleToken().value()).isEqualTo("s3cret-token");
    assertThat(config.describe()).isEqualTo("firetap.console.token=***");
    assertThat(config.toString()).doesNotContain("s3cret-token");
  }

  @Test
  void neverShowsARejectedConsoleTokenEither() {
    assertThatThrownBy(() -> FiretapConfig.fromMap(Map.of("firetap.console.token", "s3cret token")))
        .isInstanceOf(FiretapConfigException.class)
        .hasMessageStartingWith("firetap.console.token must be")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void readsTheRedactedFieldsAsAListWithBlanksAroundNamesIgnored() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    FiretapConfig some = loader.fromMap(Map.of("firetap.redact.fields", "pin, otp ,iban"));
    FiretapConfig none = loader.fromMap(Map.of("firetap.redact.fields", ""));

    assertThat(some.redactFields()).containsExactly("pin", "otp", "iban");
    assertThat(none.redactFields()).isEmpty();
  }

  @Test
  void parsesEveryKindOfValue() {
    Map<String, String> settings =
        Map.of(
            "firetap.enabled", "FALSE",
            "firetap.redis.url", "rediss://:pw@cache:6380/2",
            "firetap.redis.timeout", "PT0.25S",
            "firetap.spool.max-bytes", "2GiB",
            "firetap.shutdown.timeout", "0",
            "firetap.batch.size", " 1000 ",
            "firetap.spool.dir", "relative/spool");

    FiretapConfig config = new ConfigLoader(JVM, Map.of()).fromMap(settings);

    assertThat(config.enabled()).isFalse();
    assertThat(config.redis().tls()).isTrue();
    assertThat(config.redisTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.spoolMaxBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ZERO);
    assertThat(config.batchSize()).isEqualTo(1000);
    assertThat(config.spoolDir()).isEqualTo(Path.of("relative/spool"));
  }

  @Test
  void sizesAcceptEveryUnitAsPowersOf1024() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThat(loader.fromMap(Map.of("firetap.spool.max-bytes", "1048576")).spoolMaxBytes())
        .isEqualTo(1L << 20);
    assertThat(loader.fromMap(Map.of("firetap.spool.max-bytes", "2048KB")).spoolMaxBytes())
        .isEqualTo(2L << 20);
    assertThat(loader.fromMap(Map.of("firetap.spool.max-bytes", "3mib")).spoolMaxBytes())
        .isEqualTo(3L << 20);
    assertThat(loader.fromMap(Map.of("firetap.spool.max-bytes", "1024GB")).spoolMaxBytes())
        .isEqualTo(1L << 40);
  }

  @Test
  void durationsAcceptEveryUnit() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThat(loader.fromMap(Map.of("firetap.redis.timeout", "250ms")).redisTimeout())
        .isEqualTo(Duration.ofMillis(250));
    assertThat(loader.fromMap(Map.of("firetap.redis.timeout", "2m")).redisTimeout())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(loader.fromMap(Map.of("firetap.shutdown.timeout", "0s")).shutdownTimeout())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void agentArgumentBeatsSystemPropertyBeatsEnvironment() {
    ConfigLoader loader =
        new ConfigLoader(
            Map.of("firetap.batch.size", "200", "firetap.prefix", "fromproperty"),
            Map.of(
                "FIRETAP_BATCH_SIZE", "100",
                "FIRETAP_PREFIX", "fromenv",
                "FIRETAP_SERVICE", "fromenv"));

    FiretapConfig config = loader.load("batch.size=300");

    assertThat(config.batchSize()).isEqualTo(300);
    assertThat(config.prefix()).isEqualTo("fromproperty");
    assertThat(config.service()).isEqualTo("fromenv");
  }

  @Test
  void agentArgumentsAcceptTheFullNameToo() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    FiretapConfig config = loader.load("firetap.batch.size=7,queue.capacity=2048");

    assertThat(config.batchSize()).isEqualTo(7);
    assertThat(config.queueCapacity()).isEqualTo(2048);
  }

  @Test
  void blankAgentArgumentsMeanNone() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThat(loader.load("  ")).isEqualTo(loader.load(null));
  }

  @Test
  void agentArgumentValuesMayContainEquals() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    FiretapConfig config = loader.load("redis.url=redis://:a=b@h");

    assertThat(config.redis().password()).contains("a=b");
  }

  @Test
  void agentArgumentsKeepEveryNodeOfAClusterUrl() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    FiretapConfig config =
        loader.load("redis.url=redis-cluster://:a,b@h1:7000,h2:7001, h3:7002,,service=shop");

    assertThat(config.redis().cluster()).isTrue();
    assertThat(config.redis().password()).contains("a,b");
    assertThat(config.redis().toString()).contains("h1:7000,h2:7001,h3:7002");
    assertThat(config.service()).isEqualTo("shop");
  }

  @Test
  void anEntryWithoutEqualsAfterAOneServerUrlIsStillRejected() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("redis.url=redis://h1:7000,h2:7001"))
        .hasMessage(
            "agent arguments must be name=value pairs separated by ',', as in"
                + " redis.url=redis://127.0.0.1:6380,batch.size=1000; got 'h2:7001'");
  }

  @Test
  void namesWhereAnInvalidValueCameFrom() {
    ConfigLoader loader =
        new ConfigLoader(
            Map.of("firetap.batch.size", "0"),
            Map.of("FIRETAP_QUEUE_CAPACITY", "12x", "FIRETAP_PREFIX", "a b"));

    assertThatThrownBy(() -> loader.load("prefix=x y"))
        .hasMessage(
            "firetap.prefix must be "
                + PREFIX_RULE
                + ", got 'x y' (from agent argument)\n"
                + "firetap.queue.capacity must be a whole number from 1024 to 16777216, got '12x'"
                + " (from environment variable FIRETAP_QUEUE_CAPACITY)\n"
                + "firetap.batch.size must be a whole number from 1 to 10000, got '0'"
                + " (from system property)");
  }

  @Test
  void reportsEveryProblemAtOnceOnePerLine() {
    ConfigLoader loader = new ConfigLoader(Map.of("firetap.redis.ulr", "redis://h"), Map.of());

    FiretapConfigException problem =
        assertThrows(
            FiretapConfigException.class, () -> loader.load("batch.size=0,enabled=maybe,bogus"));

    assertThat(problem.problems())
        .containsExactly(
            "unknown setting 'firetap.redis.ulr' (from system property); did you mean"
                + " firetap.redis.url?",
            "agent arguments must be name=value pairs separated by ',', as in"
                + " redis.url=redis://127.0.0.1:6380,batch.size=1000; got 'bogus'",
            "firetap.enabled must be true or false, got 'maybe' (from agent argument)",
            "firetap.batch.size must be a whole number from 1 to 10000, got '0' (from agent"
                + " argument)");
    assertThat(problem.getMessage()).isEqualTo(String.join("\n", problem.problems()));
  }

  @Test
  void suggestsTheClosestNameForAnUnknownSystemProperty() {
    ConfigLoader loader = new ConfigLoader(Map.of("firetap.queue.capacty", "2048"), Map.of());

    assertThatThrownBy(() -> loader.load(null))
        .hasMessage(
            "unknown setting 'firetap.queue.capacty' (from system property); did you mean"
                + " firetap.queue.capacity?");
  }

  @Test
  void suggestsTheClosestNameForAnUnknownAgentArgument() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("redis.uri=redis://h"))
        .hasMessage(
            "unknown setting 'redis.uri' (from agent argument); did you mean firetap.redis.url?");
  }

  @Test
  void suggestsTheClosestNameForAnUnknownMapEntry() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.fromMap(Map.of("firetap.spool.maxbytes", "1GB")))
        .hasMessage(
            "unknown setting 'firetap.spool.maxbytes'; did you mean firetap.spool.max-bytes?");
  }

  @Test
  void ignoresAndListsUnknownEnvironmentVariables() {
    ConfigLoader loader =
        new ConfigLoader(
            JVM,
            Map.of("FIRETAP_TOKEN", "x", "FIRETAP_BATCH_SIZE", "9", "FIRETAP_A", "y", "PATH", "/"));

    FiretapConfig config = loader.load(null);

    assertThat(config.batchSize()).isEqualTo(9);
    assertThat(loader.ignoredEnvironmentVariables()).containsExactly("FIRETAP_A", "FIRETAP_TOKEN");
  }

  @Test
  void ignoresTheProjectRootPropertyOfTheBuild() {
    ConfigLoader loader = new ConfigLoader(Map.of("firetap.projectRoot", "/src/firetap"), Map.of());

    FiretapConfig config = loader.load(null);

    assertThat(config.batchSize()).isEqualTo(512);
  }

  @Test
  void rejectsAgentArgumentWithoutEquals() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("a.b"))
        .hasMessage(
            "agent arguments must be name=value pairs separated by ',', as in"
                + " redis.url=redis://127.0.0.1:6380,batch.size=1000; got 'a.b'");
  }

  @Test
  void rejectsAgentArgumentWithoutName() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("=x"))
        .hasMessage(
            "agent arguments must be name=value pairs separated by ',', as in"
                + " redis.url=redis://127.0.0.1:6380,batch.size=1000; got '=x'");
  }

  @Test
  void skipsEmptyAgentArgumentEntries() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    FiretapConfig config = loader.load("batch.size=1,,queue.capacity=2048,");

    assertThat(config.batchSize()).isEqualTo(1);
    assertThat(config.queueCapacity()).isEqualTo(2048);
  }

  @Test
  void reportsUnknownNamesBesideEmptyAgentArgumentEntries() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("a.b=1,,c=2"))
        .hasMessage(
            "unknown setting 'a.b' (from agent argument); did you mean firetap.enabled?\n"
                + "unknown setting 'c' (from agent argument); did you mean firetap.prefix?");
  }

  @Test
  void rejectsASettingGivenTwiceInAgentArguments() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("batch.size=1,firetap.batch.size=2"))
        .hasMessage("firetap.batch.size must be given once, got it twice (from agent argument)");
  }

  @Test
  void neverShowsAPasswordFromAMalformedAgentArgument() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    assertThatThrownBy(() -> loader.load("=redis://admin:s3cret@h"))
        .message()
        .endsWith("got '=redis://***@h'")
        .doesNotContain("s3cret");
  }

  @Test
  void neverShowsAPasswordInAnInvalidUrlMessage() {
    ConfigLoader loader =
        new ConfigLoader(JVM, Map.of("FIRETAP_REDIS_URL", "redis://u:s3cret@h:0"));

    assertThatThrownBy(() -> loader.load(null))
        .hasMessage(
            "firetap.redis.url must have a port from 1 to 65535, got 'redis://***@h:0'"
                + " (from environment variable FIRETAP_REDIS_URL)");
  }

  @Test
  void withReturnsAValidatedCopy() {
    FiretapConfig config = new ConfigLoader(JVM, Map.of()).load(null);

    FiretapConfig changed = config.with("firetap.batch.size", "64").with("queue.capacity", "4096");

    assertThat(changed.batchSize()).isEqualTo(64);
    assertThat(changed.queueCapacity()).isEqualTo(4096);
    assertThat(changed.service()).isEqualTo("OrderService");
    assertThat(config.batchSize()).isEqualTo(512);
  }

  @Test
  void withRejectsInvalidValuesAndUnknownNames() {
    FiretapConfig config = FiretapConfig.defaults();

    assertThatThrownBy(() -> config.with("firetap.batch.size", "0"))
        .isInstanceOf(FiretapConfigException.class)
        .hasMessage("firetap.batch.size must be a whole number from 1 to 10000, got '0'");
    assertThatThrownBy(() -> config.with("firetap.batchsize", "1"))
        .isInstanceOf(FiretapConfigException.class)
        .hasMessage("unknown setting 'firetap.batchsize'; did you mean firetap.batch.size?");
  }

  @Test
  void describesOnlyNonDefaultSettingsWithoutCredentials() {
    FiretapConfig config =
        FiretapConfig.fromMap(
            Map.of(
                "firetap.redis.url", "rediss://admin:s3cret@cache.internal:6380/2",
                "firetap.batch.size", "1000",
                "firetap.spool.max-bytes", "1GB",
                "firetap.redis.timeout", "1500ms"));

    String description = config.describe();

    assertThat(description)
        .isEqualTo(
            "firetap.redis.url=rediss://cache.internal:6380/2 (with credentials),"
                + " firetap.redis.timeout=1500ms, firetap.batch.size=1000,"
                + " firetap.spool.max-bytes=1GB");
    assertThat(description).doesNotContain("s3cret").doesNotContain("admin");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void describesDefaultsAsSuch() {
    assertThat(FiretapConfig.defaults().describe()).isEqualTo("all defaults");
  }

  @Test
  void fromMapIgnoresSystemPropertiesAndEnvironment() {
    ConfigLoader loader =
        new ConfigLoader(
            Map.of("firetap.batch.size", "0", "firetap.bogus", "x"),
            Map.of("FIRETAP_QUEUE_CAPACITY", "12x"));

    FiretapConfig config = loader.fromMap(Map.of("firetap.prefix", "shop"));

    assertThat(config.prefix()).isEqualTo("shop");
    assertThat(config.batchSize()).isEqualTo(512);
    assertThat(config.queueCapacity()).isEqualTo(262144);
  }

  @Test
  void readsCollectionGlobsSeparatedBySemicolonsInAgentArguments() {
    ConfigLoader loader = new ConfigLoader(JVM, Map.of());

    FiretapConfig config = loader.load("cdc.include=orders; user* ,cdc.snapshots=NONE");

    assertThat(config.cdcInclude()).containsExactly("orders", "user*");
    assertThat(config.cdcExclude()).isEmpty();
    assertThat(config.cdcSnapshots()).isEqualTo(SnapshotMode.NONE);
  }

  @Test
  void capturesEveryCollectionInExactModeByDefault() {
    FiretapConfig config = FiretapConfig.defaults();

    assertThat(config.cdcInclude()).containsExactly("*");
    assertThat(config.cdcExclude()).isEmpty();
    assertThat(config.cdcSnapshots()).isEqualTo(SnapshotMode.EXACT);
  }
}
