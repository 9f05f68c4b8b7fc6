package dev.firetap.agent.internal;

import dev.firetap.ProcessIdentity;
import dev.firetap.config.FiretapConfig;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the agent: the bootstrap bridges first, then the capture side, then the instrumentation
 * of Firestore and of annotated methods. Not public API; {@code FiretapAgent} calls it once.
 */
public final class AgentInstaller {
  private static final Logger log = LoggerFactory.getLogger(AgentInstaller.class);

  private AgentInstaller() {}

  /**
   * Installs the agent with {@code config}. Never touches the network: Firetap itself starts on a
   * background thread.
   *
   * @throws IOException when the bridge jar cannot be written to the temporary folder, or the agent
   *     jar cannot be read
   */
  public static void install(FiretapConfig config, Instrumentation instrumentation)
      throws IOException {
    BootstrapBridge.inject(instrumentation);

    // Only now may a class that refers to the bridge be loaded.
    BridgeWiring.connect(config);

    FirestoreInstrumentation.install(instrumentation);
    AnnotationInstrumentation.install(instrumentation, FiretapPackages.ofAgent());

    log.info(
        "Firetap agent {} installed: Redis {}, Firestore client {}, snapshots {}",
        ProcessIdentity.firetapVersion(),
        config.redis().redacted(),
        FirestoreClient.versionOn(ClassLoader.getSystemClassLoader()).orElse("not loaded yet"),
        config.cdcSnapshots().settingValue());
  }
}
