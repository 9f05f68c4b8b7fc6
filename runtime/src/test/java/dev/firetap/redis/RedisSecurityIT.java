package dev.firetap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firetap.emit.EmittingChild;
import dev.firetap.testing.ChildJvm;
import dev.firetap.testing.RedisServer;
import dev.firetap.testing.RedisStreams;
import dev.firetap.testing.WithRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firetap against a Redis that requires credentials or TLS, in real child JVMs whose whole output
 * is checked for the password.
 */
@WithRedis
class RedisSecurityIT {
  private static final String PASSWORD = "s3cret-Pa55word";
  private static final String STREAM = "firetap:logs:info";

  /** The least privilege an emitting process needs (see docs/operations.md). */
  static final String EMITTER_ACL =
      "on >"
          + PASSWORD
          + " resetkeys ~firetap:* resetchannels &firetap:changes:* -@all"
          + " +ping +hello +auth +client|setname"
          + " +evalsha +eval +xadd +xtrim +xdel +publish +hincrby +expire +get +set";

  @TempDir Path work;

  @Test
  void emitsAsAnAclUserWithLeastPrivilegeAndNeverPrintsThePassword(RedisServer redis)
      throws Exception {
    createUser(redis, "firetap-emitter", EMITTER_ACL);
    String url = "redis://firetap-emitter:" + PASSWORD + "@127.0.0.1:" + redis.port();

    String output = runChild(url, 200, List.of(), "flush");

    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      assertThat(streams.length(STREAM)).isEqualTo(200);
    }
    assertThat(output).doesNotContain(PASSWORD).contains("firetap-test-child");
  }

  @Test
  void aUserWithoutWriteRightsLosesNothingAndTheHostRunsOn(RedisServer redis) throws Exception {
    createUser(redis, "read-only", EMITTER_ACL.replace(" +xadd", ""));
    String url = "redis://read-only:" + PASSWORD + "@127.0.0.1:" + redis.port();

    String output = runChild(url, 50, List.of(), "exit");

    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      assertThat(streams.length(STREAM)).isZero();
    }
    assertThat(output)
        .contains("can't run this command")
        .contains("50 events wait in the spool")
        .doesNotContain(PASSWORD);
  }

  @Test
  void aCommandRefusedHalfWayThroughABatchLeavesNothingBehind(RedisServer redis) throws Exception {
    createUser(redis, "no-trim", EMITTER_ACL.replace(" +xtrim", ""));
    String url = "redis://no-trim:" + PASSWORD + "@127.0.0.1:" + redis.port();

    String output = runChild(url, 20, List.of(), "exit");

    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      assertThat(streams.length(STREAM)).isZero();
      assertThat(streams.commands().keys("firetap:stats:*")).isEmpty();
    }
    assertThat(output).contains("20 events wait in the spool");
  }

  @Test
  void emitsOverTlsToAServerWhoseCertificateTheJvmTrusts() throws Exception {
    TestCertificates certificates = TestCertificates.create(work);
    int tlsPort = freePort();
    try (RedisServer redis = RedisServer.start(certificates.redisTlsArguments(tlsPort))) {
      String output =
          runChild("rediss://127.0.0.1:" + tlsPort, 100, certificates.trustStoreOptions(), "flush");

      try (RedisStreams streams = RedisStreams.connect(redis.url())) {
        assertThat(streams.length(STREAM)).as(output).isEqualTo(100);
      }
    }
  }

  @Test
  void refusesATlsServerItDoesNotTrustAndSpoolsInstead() throws Exception {
    TestCertificates certificates = TestCertificates.create(work);
    int tlsPort = freePort();
    try (RedisServer redis = RedisServer.start(certificates.redisTlsArguments(tlsPort))) {
      String output = runChild("rediss://127.0.0.1:" + tlsPort, 10, List.of(), "exit");

      try (RedisStreams streams = RedisStreams.connect(redis.url())) {
        assertThat(streams.length(STREAM)).isZero();
      }
      assertThat(output).contains("10 events wait in the spool");
    }
  }

  /**
   * Runs an emitting child JVM that emits {@code count} events and exits in {@code mode} (see
   * EmittingChild); returns its output.
   */
  private String runChild(String url, int count, List<String> extraOptions, String mode)
      throws Exception {
    List<String> options = new ArrayList<>(extraOptions);
    options.add("-Dfiretap.redis.url=" + url);
    options.add("-Dfiretap.spool.dir=" + work.resolve("spool"));
    options.add("-Dfiretap.service=firetap-test-child");
    options.add("-Dfiretap.redis.timeout=2s");
    options.add("-Dfiretap.shutdown.timeout=3s");
    options.add("-Dfiretap.errors.enabled=false");
    Path log = work.resolve("child-" + System.nanoTime() + ".log");
    try (ChildJvm child =
        ChildJvm.start(EmittingChild.class, options, List.of(Integer.toString(count), mode), log)) {
      assertThat(child.awaitExit(Duration.ofSeconds(60))).as(child.output()).isZero();
      return child.output();
    }
  }

  private static void createUser(RedisServer redis, String user, String rules) {
    List<String> arguments = new ArrayList<>(List.of("SETUSER", user));
    arguments.addAll(List.of(rules.split(" ")));
    try (RedisStreams streams = RedisStreams.connect(redis.url())) {
      streams.execute("ACL", arguments.toArray(new String[0]));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A test CA and a server certificate for 127.0.0.1, made with openssl and keytool. */
  private record TestCertificates(Path dir) {
    static TestCertificates create(Path work) throws Exception {
      Path dir = work.resolve("tls");
      Files.createDirectories(dir);
      run(
          dir,
          "openssl",
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=Firetap Test CA",
          "-keyout",
          "ca.key",
          "-out",
          "ca.crt");
      run(
          dir,
          "openssl",
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=127.0.0.1",
          "-keyout",
          "server.key",
          "-out",
          "server.csr");
      Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
      run(
          dir,
          "openssl",
          "x509",
          "-req",
          "-in",
          "server.csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-extfile",
          "san.ext",
          "-out",
          "server.crt");
      run(
          dir,
          "keytool",
          "-importcert",
          "-noprompt",
          "-alias",
          "firetap-test-ca",
          "-file",
          "ca.crt",
          "-keystore",
          "truststore.p12",
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit");
      return new TestCertificates(dir);
    }

    String[] redisTlsArguments(int tlsPort) {
      return new String[] {
        "--tls-port", Integer.toString(tlsPort),
        "--tls-cert-file", dir.resolve("server.crt").toString(),
        "--tls-key-file", dir.resolve("server.key").toString(),
        "--tls-ca-cert-file", dir.resolve("ca.crt").toString(),
        "--tls-auth-clients", "no"
      };
    }

    List<String> trustStoreOptions() {
      return List.of(
          "-Djavax.net.ssl.trustStore=" + dir.resolve("truststore.p12"),
          "-Djavax.net.ssl.trustStorePassword=changeit",
          "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    private static void run(Path dir, String... command) throws Exception {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    }
  }
}
