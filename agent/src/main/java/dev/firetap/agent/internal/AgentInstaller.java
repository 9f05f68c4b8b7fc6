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
 */
public final class AgentInstaller {
  private static final Logger log = LoggerFactory.getLogger(AgentInstaller.class);

  /** How long a class that may need instrumenting waits, as it loads, for the transformers. */
  private static final long TRANSFORMERS_WAIT_MILLIS = 30_000;

  private AgentInstaller() {}

  /**
   * Installs the agent with {@code config}. Never touches the network: Firetap itself starts on a
   * background thread.
   *
   * <p>At JVM start ({@code premain}) nothing to instrument is loaded yet, so the transformers are
   * built on a thread of their own while {@code main} starts, behind a {@link DeferredTransformer}
   * that holds back the classes that may need them. Attached to a running JVM ({@code agentmain}),
   * the transformers are installed at once and retransform the classes already loaded.
   *
   * @param attached true when attached to a running JVM, false at its start
   * @throws IOException when the bridge jar cannot be written to the temporary folder, or the agent
   *     jar cannot be read
   */
  public static void install(
      FiretapConfig config, Instrumentation instrumentation, boolean attached) throws IOException {
    BootstrapBridge.inject(instrumentation);

    // Only now may a class that refers to the bridge be loaded.
    BridgeWiring.connect(config);

    if (attached) {
      FiretapPackages firetap = FiretapPackages.ofAgent();
      FirestoreInstrumentation.builder().installOn(instrumentation);
      AnnotationInstrumentation.builder(firetap).installOn(instrumentation);
      logInstalled(config);
      return;
    }
    DeferredTransformer deferred = new DeferredTransformer(TRANSFORMERS_WAIT_MILLIS);
    instrumentation.addTransformer(deferred, true);
    Thread builder = new Thread(() -> build(config, deferred), "firetap-agent-instrument");
    builder.setDaemon(true);
    builder.start();
  }

  private static void build(FiretapConfig config, DeferredTransformer deferred) {
    try {
      FiretapPackages firetap = FiretapPackages.ofAgent();
      List<ClassFileTransformer> transformers =
          List.of(
              FirestoreInstrumentation.builder().makeRaw(),
              AnnotationInstrumentation.builder(firetap).makeRaw());
      deferred.ready(transformers);
      logInstalled(config);
    } catch (Throwable e) {
      deferred.failed();
      log.error("agent not installed, the application runs without Firetap", e);
    }
  }

  private static void logInstalled(FiretapConfig config) {
    log.info(
        "Firetap agent {} installed: Redis {}, Firestore client {}, snapshots {}",
        ProcessIdentity.firetapVersion(),
        config.redis().redacted(),
        FirestoreClient.versionOn(ClassLoader.getSystemClassLoader()).orElse("not loaded yet"),
        config.cdcSnapshots().settingValue());
  }
}
