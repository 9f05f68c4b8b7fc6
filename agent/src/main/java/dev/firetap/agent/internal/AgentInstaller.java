package dev.firetap.agent.internal;

import dev.firetap.ProcessIdentity;
import dev.firetap.config.FiretapConfig;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the agent: the bootstrap bridges first, then the capture side, then the instrumentation
 * of Firestore and of annotated methods. Not public API; {@code FiretapAgent} calls it once.
 *
 * <p>At JVM start ({@code premain}) nothing to instrument is loaded yet, so {@code main} need not
 * wait: only the bridges are injected and a {@link DeferredTransformer} registered before {@code
 * premain} returns; the settings are read and the transformers built on a thread of its own, while
 * the classes that may need them wait as they load. Attached to a running JVM ({@code agentmain}),
 * everything is installed at once and the classes already loaded are retransformed.
 */
public final class AgentInstaller {
  private static final String PREFIX = "[firetap] ";

  /** How long a class that may need instrumenting waits, as it loads, for the transformers. */
  private static final long TRANSFORMERS_WAIT_MILLIS = 30_000;

  private AgentInstaller() {}

  /**
   * Installs the agent at JVM start with the agent {@code arguments}; returns once the bridges and
   * the deferred transformer are in place.
   *
   * @throws IOException when the bridge jar cannot be written to the temporary folder
   */
  public static void installAtStart(String arguments, Instrumentation instrumentation)
      throws IOException {
    BootstrapBridge.inject(instrumentation);
    DeferredTransformer deferred = new DeferredTransformer(TRANSFORMERS_WAIT_MILLIS);
    instrumentation.addTransformer(deferred, true);
    Thread builder = new Thread(() -> build(arguments, deferred), "firetap-agent-instrument");
    builder.setDaemon(true);
    builder.start();
  }

  /**
   * Installs the agent in a running JVM with the agent {@code arguments}, retransforming the
   * Firestore client and annotated classes already loaded.
   *
   * @throws IOException when the bridge jar cannot be written or the agent jar cannot be read
   */
  public static void installAttached(String arguments, Instrumentation instrumentation)
      throws IOException {
    FiretapConfig config = FiretapConfig.load(arguments);
    if (!config.enabled()) {
      reportDisabled();
      return;
    }
    BootstrapBridge.inject(instrumentation);
    // Only now may a class that refers to the bridge be loaded.
    BridgeWiring.connect(config);
    FiretapPackages firetap = FiretapPackages.ofAgent();
    FirestoreInstrumentation.builder().installOn(instrumentation);
    AnnotationInstrumentation.builder(firetap).installOn(instrumentation);
    logInstalled(config);
  }

  /** Prints the one line that says the agent is not installed, and why. */
  public static void reportNotInstalled(Throwable e) {
    System.err.println(
        PREFIX + "agent not installed, the application runs without Firetap: " + oneLine(e));
  }

  private static void build(String arguments, DeferredTransformer deferred) {
    try {
      FiretapConfig config = FiretapConfig.load(arguments);
      if (!config.enabled()) {
        deferred.failed();
        reportDisabled();
        return;
      }
      BridgeWiring.connect(config);
      FiretapPackages firetap = FiretapPackages.ofAgent();
      List<ClassFileTransformer> transformers =
          List.of(
              FirestoreInstrumentation.builder().makeRaw(),
              AnnotationInstrumentation.builder(firetap).makeRaw());
      deferred.ready(transformers);
      logInstalled(config);
    } catch (Throwable e) {
      deferred.failed();
      reportNotInstalled(e);
    }
  }

  private static void reportDisabled() {
    System.err.println(PREFIX + "firetap.enabled is false: Firestore writes are not captured");
  }

  private static void logInstalled(FiretapConfig config) {
    Logger log = LoggerFactory.getLogger(AgentInstaller.class);
    log.info(
        "Firetap agent {} installed: Redis {}, Firestore client {}, snapshots {}",
        ProcessIdentity.firetapVersion(),
        config.redis().redacted(),
        FirestoreClient.versionOn(ClassLoader.getSystemClassLoader()).orElse("not loaded yet"),
        config.cdcSnapshots().settingValue());
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
