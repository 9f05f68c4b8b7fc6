package dev.firetap.testing;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Cloud Firestore emulator, running in a child JVM on a free port of 127.0.0.1.
 *
 * <p>The emulator is killed when the test JVM exits or dies, even if {@link #stop()} is never
 * called.
 */
public final class FirestoreEmulator implements AutoCloseable {
  /** The project id tests use unless they need several projects. */
  public static final String DEFAULT_PROJECT_ID = "firetap-test";

  private static final Logger log = LoggerFactory.getLogger(FirestoreEmulator.class);
  private static final String HOST = "127.0.0.1";
  private static final String MAIN_CLASS =
      "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
  private static final String READY_LINE = "Dev App Server is now running";
  private static final String PORT_TAKEN = "Address already in use";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 30;

  private final int port;
  private final Path directory;
  private final ManagedProcess process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  private final Set<String> projectIds = ConcurrentHashMap.newKeySet();

  private FirestoreEmulator(int port, Path directory, ManagedProcess process) {
    this.port = port;
    this.directory = directory;
    this.process = process;
  }

  /**
   * Starts the emulator on a free port and waits until it serves requests (about 2-5 s).
   *
   * @throws IllegalStateException when it does not start within 60 s; the message ends with its
   *     last output lines
   * @throws org.opentest4j.TestAbortedException when the emulator is not installed, outside CI
   */
  public static FirestoreEmulator start() {
    Path jar = new FirestoreEmulatorLocator().require();
    Path directory = ScratchDirectory.create("firetap-firestore-");
    try {
      return startIn(jar, directory);
    } catch (RuntimeException e) {
      ScratchDirectory.delete(directory);
      throw e;
    }
  }

  private static FirestoreEmulator startIn(Path jar, Path directory) {
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = FreePorts.next();
      ManagedProcess process = launch(jar, directory, port);
      if (process.isAlive()) {
        return new FirestoreEmulator(port, directory, process);
      }
      log.debug("{}:{} was taken before the Firestore emulator bound it; retrying", HOST, port);
    }
    throw new IllegalStateException(
        "the Firestore emulator found no free port in " + START_ATTEMPTS + " attempts");
  }

  /**
   * Runs the emulator on {@code port} and waits until it is ready. Returns the running process, or
   * the exited one when another process holds the port.
   */
  private static ManagedProcess launch(Path jar, Path directory, int port) {
    Path logFile = directory.resolve("firestore-emulator.log");
    ManagedProcess process =
        ManagedProcess.startUnchecked("Firestore emulator", command(jar, port), logFile);
    ManagedProcess.Readiness readiness = process.awaitLogLine(READY_LINE, START_TIMEOUT);
    if (readiness == ManagedProcess.Readiness.READY) {
      log.info(
          "Firestore emulator {}:{} started (pid {}, log {})", HOST, port, process.pid(), logFile);
      return process;
    }
    process.kill();
    if (readiness == ManagedProcess.Readiness.EXITED && process.log().contains(PORT_TAKEN)) {
      return process;
    }
    String problem =
        readiness == ManagedProcess.Readiness.EXITED
            ? "exited during start"
            : "did not print '%s' within %d s".formatted(READY_LINE, START_TIMEOUT.toSeconds());
    throw new IllegalStateException(
        "the Firestore emulator on %s:%d %s; last lines of its output:%n%s"
            .formatted(HOST, port, problem, process.logTail(LOG_TAIL_LINES)));
  }

  private static List<String> command(Path jar, int port) {
    return List.of(
        javaExecutable(),
        "-Xmx512m",
        "-Duser.language=en",
        "-cp",
        jar.toString(),
        MAIN_CLASS,
        "--host=" + HOST,
        "--port=" + port);
  }

  /** The java launcher of this JVM, so the emulator runs on a Java version the build accepts. */
  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The port the emulator serves gRPC and its REST API on. */
  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:PORT}, the emulator host for Firestore clients. */
  public String hostAndPort() {
    return HOST + ":" + port;
  }

  /**
   * A new Firestore client for {@code projectId} on this emulator; the caller closes it. The
   * project's data is wiped by {@link #resetAll()}.
   */
  public Firestore client(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    projectIds.add(projectId);
    return FirestoreOptions.newBuilder()
        .setProjectId(projectId)
        .setEmulatorHost(hostAndPort())
        .setCredentials(new FirestoreOptions.EmulatorCredentials())
        .build()
        .getService();
  }

  /**
   * Deletes every document of {@code projectId}.
   *
   * @throws IllegalStateException when the emulator does not answer with HTTP 200
   */
  public void reset(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    URI uri =
        URI.create(
            "http://%s/emulator/v1/projects/%s/databases/(default)/documents"
                .formatted(hostAndPort(), projectId));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).DELETE().build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "DELETE %s answered HTTP %d: %s".formatted(uri, response.statusCode(), response.body()));
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.uri(), e);
    }
  }

  /**
   * Deletes every document of {@link #DEFAULT_PROJECT_ID} and of every project id passed to {@link
   * #client(String)} so far.
   *
   * @throws IllegalStateException when the emulator does not answer with HTTP 200
   */
  public void resetAll() {
    reset(DEFAULT_PROJECT_ID);
    projectIds.stream().filter(id -> !id.equals(DEFAULT_PROJECT_ID)).forEach(this::reset);
  }

  /** True while the emulator process exists. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the emulator and its descendants and deletes its working directory. */
  public void stop() {
    if (process.isAlive()) {
      process.stop();
      log.info("Firestore emulator {} stopped", hostAndPort());
    }
    process.kill();
    ScratchDirectory.delete(directory);
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "FirestoreEmulator[" + hostAndPort() + "]";
  }
}
